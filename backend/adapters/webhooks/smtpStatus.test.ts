import { RESULT_CODES } from '../../contract/resultCodes';
import { smtpOutcome } from './smtpStatus';

test('enhanced status codes map by class and subject', () => {
  expect(smtpOutcome('5.1.1')).toEqual({ smtpClass: '5', resultCode: 'RECIPIENT_ADDRESS_ERROR' });
  expect(smtpOutcome('smtp; 550 5.1.1 <jane@example.com>... User')).toEqual({
    smtpClass: '5',
    resultCode: 'RECIPIENT_ADDRESS_ERROR',
  });
  expect(smtpOutcome('552 5.2.2 mailbox full')?.resultCode).toBe('MAILBOX_ERROR');
  expect(smtpOutcome('452 4.2.2 mailbox full')?.resultCode).toBe('MAILBOX_ABNORMAL');
  expect(smtpOutcome('5.3.4')?.resultCode).toBe('MAIL_CONTENTS_ERROR');
  expect(smtpOutcome('421 4.4.2 connection dropped')?.resultCode).toBe('CONNECTION_ABNORMAL');
  expect(smtpOutcome('4.4.7')?.resultCode).toBe('NETWORK_ABNORMAL');
  expect(smtpOutcome('550 5.7.1 blocked by policy')?.resultCode).toBe('SECURITY_AND_POLICY_ERROR');
  expect(smtpOutcome('4.7.0 greylisted')?.resultCode).toBe('SECURITY_AND_POLICY_ABNORMAL');
});

test('a basic reply code alone gives the class; deliveries carry no result code; junk gives nothing', () => {
  expect(smtpOutcome('400 try again later')).toEqual({ smtpClass: '4', resultCode: 'SMTP_ABNORMAL' });
  expect(smtpOutcome('554 rejected')).toEqual({ smtpClass: '5', resultCode: 'SMTP_ERROR' });
  expect(smtpOutcome('250 2.0.0 OK')).toEqual({ smtpClass: '2' });
  expect(smtpOutcome('version 1.2.3.4')).toBeUndefined();
  expect(smtpOutcome(undefined)).toBeUndefined();
  expect(smtpOutcome('')).toBeUndefined();
});

test('every code it gives is one of the 28 result codes, bounced for class 5 and deferred for class 4', () => {
  for (const subject of ['0', '1', '2', '3', '4', '5', '6', '7', '9']) {
    for (const detail of ['0', '1', '2', '4']) {
      expect(RESULT_CODES.get(smtpOutcome(`5.${subject}.${detail}`)!.resultCode!)?.resultClass).toBe('bounced');
      expect(RESULT_CODES.get(smtpOutcome(`4.${subject}.${detail}`)!.resultCode!)?.resultClass).toBe('deferred');
    }
  }
});
