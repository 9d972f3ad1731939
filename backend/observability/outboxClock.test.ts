import { OutboxClock } from './outboxClock';

test('an empty outbox has age 0', () => {
  const clock = new OutboxClock(1_000);
  clock.note(5, 2_000);
  expect(clock.ageSeconds(null, 9_000)).toBe(0);
});

test('the age of the oldest change is counted from the last note made before it', () => {
  const clock = new OutboxClock(0);
  clock.note(10, 1_000); // seq 11.. come after t=1s
  clock.note(10, 2_000); // still nothing new at t=2s
  clock.note(25, 3_000); // 11..25 were made in (2s, 3s]
  clock.note(40, 4_000);
  expect(clock.ageSeconds(11, 10_000)).toBe(8);
  expect(clock.ageSeconds(26, 10_000)).toBe(7);
  expect(clock.ageSeconds(41, 10_000)).toBe(6);
});

test('changes left by an earlier run count from the start of this one', () => {
  const clock = new OutboxClock(5_000);
  clock.note(100, 6_000); // outbox numbers up to 100 were found at start
  expect(clock.ageSeconds(42, 65_000)).toBe(60);
});

test('notes older than the oldest pending change are dropped, and ages stay exact afterwards', () => {
  const clock = new OutboxClock(0);
  for (let second = 1; second <= 100; second++) {
    clock.note(second * 10, second * 1000);
  }
  expect(clock.ageSeconds(505, 200_000)).toBe(150); // 505 was made after the note (500, 50s)
  expect(clock.ageSeconds(995, 200_000)).toBe(101);
});
