import { deserialize, serialize } from 'node:v8';
import type { ConsumerPart, PassPart } from '../stream/pass-part.js';

interface Bytes {
  readonly buffer: ArrayBuffer;
  readonly offset: number;
  readonly length: number;
}

/** A PassPart as it crosses threads: each consumer's part as the bytes of v8.serialize, moved rather than copied, the rest as a message. */
export interface PackedPart {
  readonly rest: Omit<PassPart, 'consumers'>;
  readonly consumers: readonly Bytes[];
}

/** The worker's state ready to post, with the buffers to move: the main thread deserializes them one consumer at a time, not all at once at the memory peak. */
export function packPart(part: PassPart): { packed: PackedPart; transfer: ArrayBuffer[] } {
  const consumers = part.consumers.map((consumer): Bytes => {
    const bytes = serialize(typeof consumer === 'function' ? consumer() : consumer);
    // A buffer of its own is moved as is; a view into a larger one is copied first.
    const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
    return { buffer: own ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), offset: 0, length: bytes.length };
  });
  const { signatures, line, errors, skipped, reads } = part;
  return { packed: { rest: { signatures, line, errors, skipped, reads }, consumers }, transfer: consumers.map((bytes) => bytes.buffer) };
}

/** A packed part whose consumers' parts are deserialized when merged (StreamPass.mergeLater). */
export function unpackPart(packed: PackedPart): PassPart {
  return { ...packed.rest, consumers: packed.consumers.map((bytes) => () => deserialize(Buffer.from(bytes.buffer, bytes.offset, bytes.length)) as ConsumerPart) };
}
