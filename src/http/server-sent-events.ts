/** One event of a `text/event-stream`: its `event:` name (default `message`) and its `data:` lines joined. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads the events of a `text/event-stream` body as they arrive. Shared by the CLI, the flag client
 * and the dashboard, which all read streams with fetch: EventSource cannot send an Authorization
 * header, and a token in a URL ends up in logs. Comment lines and blocks without data are skipped.
 * Stopping the iteration cancels the body.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      // A CR at the very end may be the first half of a CRLF: normalise once its pair has come.
      if (buffer.includes('\r') && !buffer.endsWith('\r')) buffer = buffer.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const parsed = parseBlock(block);
        if (parsed) yield parsed;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseBlock(block: string): ServerSentEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = fieldValue(line, 6);
    else if (line.startsWith('data:')) data.push(fieldValue(line, 5));
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}

/** The specification strips exactly one space after the colon. */
function fieldValue(line: string, colonEnd: number): string {
  return line.charCodeAt(colonEnd) === 32 ? line.slice(colonEnd + 1) : line.slice(colonEnd);
}
