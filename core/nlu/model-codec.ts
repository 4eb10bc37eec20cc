import { SovetnikError } from '../errors.ts';

/** Typed arrays a model keeps; weights are stored as 16-bit integers with one scale per array. */
export type ModelArray = Float32Array | Uint32Array | Int32Array | Uint16Array;

const MAGIC = 'SVNLU1';

interface ArrayHeader {
  name: string;
  kind: 'f32q' | 'u32' | 'i32' | 'u16';
  length: number;
  scale: number;
  byteOffset: number;
}

/** Packs a JSON header and named typed arrays into one binary buffer (floats quantized to int16). */
export function encodeModel(header: unknown, arrays: Record<string, ModelArray>): Uint8Array {
  const entries: ArrayHeader[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    const { bytes, kind, scale } = encodeArray(array);
    entries.push({ name, kind, length: array.length, scale, byteOffset: offset });
    chunks.push(bytes);
    offset += align4(bytes.length);
  }
  const json = new TextEncoder().encode(JSON.stringify({ header, arrays: entries }));
  const prefix = 4 + MAGIC.length;
  const bodyStart = align4(prefix + json.length);
  const out = new Uint8Array(bodyStart + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, prefix);
  entries.forEach((entry, i) => out.set(chunks[i] as Uint8Array, bodyStart + entry.byteOffset));
  return out;
}

/** Reads a buffer written by {@link encodeModel}. */
export function decodeModel<H>(buffer: Uint8Array): { header: H; arrays: Record<string, ModelArray> } {
  const magic = new TextDecoder().decode(buffer.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new SovetnikError('bad_request', 'not a Sovetnik NLU model file');
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const jsonLength = view.getUint32(MAGIC.length, true);
  const prefix = 4 + MAGIC.length;
  const meta = JSON.parse(new TextDecoder().decode(buffer.subarray(prefix, prefix + jsonLength))) as {
    header: H;
    arrays: ArrayHeader[];
  };
  const bodyStart = align4(prefix + jsonLength);
  const arrays: Record<string, ModelArray> = {};
  for (const entry of meta.arrays) {
    const start = buffer.byteOffset + bodyStart + entry.byteOffset;
    const copy = buffer.slice(start - buffer.byteOffset, start - buffer.byteOffset + byteLength(entry));
    arrays[entry.name] = decodeArray(entry, copy);
  }
  return { header: meta.header, arrays };
}

function encodeArray(array: ModelArray): { bytes: Uint8Array; kind: ArrayHeader['kind']; scale: number } {
  if (array instanceof Uint32Array) return { bytes: new Uint8Array(array.slice().buffer), kind: 'u32', scale: 1 };
  if (array instanceof Int32Array) return { bytes: new Uint8Array(array.slice().buffer), kind: 'i32', scale: 1 };
  if (array instanceof Uint16Array) return { bytes: new Uint8Array(array.slice().buffer), kind: 'u16', scale: 1 };
  let max = 0;
  for (const v of array) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(array.length);
  for (let i = 0; i < array.length; i++) q[i] = Math.round((array[i] as number) / scale);
  return { bytes: new Uint8Array(q.buffer), kind: 'f32q', scale };
}

function decodeArray(entry: ArrayHeader, bytes: Uint8Array): ModelArray {
  if (entry.kind === 'u32') return new Uint32Array(bytes.buffer, 0, entry.length);
  if (entry.kind === 'i32') return new Int32Array(bytes.buffer, 0, entry.length);
  if (entry.kind === 'u16') return new Uint16Array(bytes.buffer, 0, entry.length);
  const q = new Int16Array(bytes.buffer, 0, entry.length);
  const out = new Float32Array(entry.length);
  for (let i = 0; i < entry.length; i++) out[i] = (q[i] as number) * entry.scale;
  return out;
}

function byteLength(entry: ArrayHeader): number {
  return entry.kind === 'f32q' || entry.kind === 'u16' ? entry.length * 2 : entry.length * 4;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
