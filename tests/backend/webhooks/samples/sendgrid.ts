/**
 * SendGrid Event Webhook events. The first four are SendGrid's documented sample
 * (https://docs.sendgrid.com/for-developers/tracking-events/event, as quoted in
 * lunalice/sendgrid_to_dynamodb_saving README.md), with one change: the sample's placeholder
 * ids ("sg_event_id", "sg_message_id") are made distinct, as real ids are. The others follow the
 * documented fields of their event types (bounce_classification, reason, sg_machine_open).
 */
const common = {
  email: 'example@test.com',
  timestamp: 1513299569,
  'smtp-id': '<14c5d75ce93.dfd.64b469@ismtpd-555>',
  category: 'cat facts',
  sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0',
};

export const SENDGRID_EVENTS = [
  { ...common, event: 'processed', sg_event_id: 'rbtnWrG1DVDGGGFHFyun0A' },
  {
    ...common,
    event: 'deferred',
    ip: '168.1.1.1',
    sg_event_id: 'mcWj3bLxQGuz9i_Vc3xD6g',
    response: '400 try again later',
    attempt: '5',
  },
  { ...common, event: 'delivered', ip: '168.1.1.1', sg_event_id: 'w_u0vJhLT-OFfprar5N93g', response: '250 OK' },
  {
    ...common,
    event: 'open',
    sg_machine_open: false,
    sg_event_id: 'IBy1mA4DRVqOg6CnFA1dvQ',
    useragent: 'Mozilla/4.0 (compatible; MSIE 6.1; Windows XP; .NET CLR 1.1.4322; .NET CLR 2.0.50727)',
    ip: '255.255.255.255',
  },
  {
    email: 'machine@icloud.com',
    timestamp: 1513299600,
    event: 'open',
    sg_machine_open: true,
    sg_event_id: 'Mt4jnVN0Qk6vRr8xAqmVHw',
    sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.1',
  },
  {
    email: 'nobody@test.com',
    timestamp: 1513299610,
    event: 'bounce',
    type: 'bounce',
    status: '5.0.0',
    reason: '500 unknown recipient',
    bounce_classification: 'Invalid Address',
    sg_event_id: '6g4ZI7SA-xmRDv57GoPIPw',
    sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.2',
  },
  {
    email: 'gone@test.com',
    timestamp: 1513299620,
    event: 'dropped',
    reason: 'Unsubscribed Address',
    sg_event_id: 'zmzJhfJgAfUSOW80yEbPyw',
    sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.3',
  },
  { ...common, event: 'spamreport', timestamp: 1513299630, sg_event_id: '37nvH5QBz858KGVYCM4uOA' },
  { ...common, event: 'unsubscribe', timestamp: 1513299640, sg_event_id: 'zz_BjPgU_5pS-J8vlfB1sg' },
  {
    ...common,
    event: 'click',
    timestamp: 1513299650,
    url: 'http://sendgrid.com',
    sg_event_id: 'kCAi1KttyQdEKHhdC-nuEA',
  },
];
