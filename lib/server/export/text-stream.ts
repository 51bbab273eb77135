import "server-only";

/**
 * A web stream of UTF-8 bytes that pulls the next text chunk only when the reader asks for
 * it, so a slow client (or disk) holds back the database reads instead of letting chunks
 * pile up in memory. Cancelling the stream ends the generator, which stops reading.
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A finished document (a report) as a stream, so every format is answered the same way. */
export function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
