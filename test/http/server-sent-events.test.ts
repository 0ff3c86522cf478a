import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readServerSentEvents, type ServerSentEvent } from '../../src/http/server-sent-events.ts';

/** A body that arrives in exactly these pieces, as a network would cut it. */
function bodyOf(pieces: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function eventsOf(pieces: readonly string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(bodyOf(pieces))) events.push(event);
  return events;
}

const cases: Array<{ name: string; pieces: string[]; events: ServerSentEvent[] }> = [
  {
    name: 'named events in one piece',
    pieces: ['event: rollout\ndata: {"phase":"running"}\n\nevent: transition\ndata: {"kind":"step"}\n\n'],
    events: [
      { event: 'rollout', data: '{"phase":"running"}' },
      { event: 'transition', data: '{"kind":"step"}' },
    ],
  },
  {
    name: 'an event cut across pieces, even inside a multi-byte character',
    pieces: ['event: snap', 'shot\ndata: {"name":"caf', 'é"}\n', '\n'],
    events: [{ event: 'snapshot', data: '{"name":"café"}' }],
  },
  {
    name: 'no event name is a message; data lines join with newlines',
    pieces: ['data: first\ndata: second\n\n'],
    events: [{ event: 'message', data: 'first\nsecond' }],
  },
  {
    name: 'comments and blocks without data are skipped; CRLF line ends are read',
    pieces: [': keep-alive\n\n', 'event: ping\n\n', 'event: x\r\ndata: 1\r', '\ndata: 2\r\n\r\n'],
    events: [{ event: 'x', data: '1\n2' }],
  },
  {
    name: 'only one space after the colon is stripped',
    pieces: ['data:no-space\n\ndata:  two spaces\n\n'],
    events: [
      { event: 'message', data: 'no-space' },
      { event: 'message', data: ' two spaces' },
    ],
  },
  {
    name: 'an unfinished last block is not an event',
    pieces: ['data: done\n\ndata: half'],
    events: [{ event: 'message', data: 'done' }],
  },
];

for (const { name, pieces, events } of cases) {
  test(`server-sent events: ${name}`, async () => {
    assert.deepEqual(await eventsOf(pieces), events);
  });
}

test('server-sent events: leaving the loop early cancels the body', async () => {
  let cancelled = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(encoder.encode('data: again\n\n'));
    },
    cancel() {
      cancelled = true;
    },
  });
  for await (const event of readServerSentEvents(body)) {
    assert.equal(event.data, 'again');
    break;
  }
  assert.equal(cancelled, true);
});
