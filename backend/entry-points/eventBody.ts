/** The events of a POST /api/v1/events body: a JSON array or NDJSON, by Content-Type. */
import { ApiError, badRequest } from '../domain/errors';

function parseArray(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badRequest('invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) {
    throw badRequest('invalid_body', 'the body must be a JSON array of events');
  }
  return parsed;
}

function parseNdjson(text: string): unknown[] {
  const lines = text.split('\n');
  const events: unknown[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      throw badRequest('invalid_json', `line ${index + 1} is not valid JSON: ${(error as Error).message}`, [
        { index: events.length, message: `line ${index + 1} is not valid JSON` },
      ]);
    }
  });
  return events;
}

/** The events of a body of this media type (lower-case, no parameters). */
export function parseEvents(mediaType: string, text: string): unknown[] {
  if (mediaType === 'application/json') {
    return parseArray(text);
  }
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') {
    return parseNdjson(text);
  }
  throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json or application/x-ndjson');
}
