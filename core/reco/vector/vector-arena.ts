/**
 * The batched dot-product kernel: WebAssembly SIMD (four f32x4 accumulators per 16 floats), compiled from the text
 * below with wabt (`wabt.parseWat(..., { simd: true }).toBinary()`, wabt 1.0.39) and embedded as bytes, so core needs
 * no build step and no package. out[r] = sum over i of q[i] * data[r * d + i]; arguments are byte offsets into the
 * memory, d a multiple of 16.
 *
 * (module
 *   (import "env" "memory" (memory 1))
 *   ;; dots(q, data, n, d, out): out[r] = sum_i q[i] * data[r*d + i] for r < n; byte offsets; d a multiple of 16.
 *   (func (export "dots") (param $q i32) (param $data i32) (param $n i32) (param $d i32) (param $out i32)
 *     (local $end i32) (local $i i32) (local $rowBytes i32)
 *     (local $a v128) (local $b v128) (local $c v128) (local $e v128) (local $p i32)
 *     (local.set $rowBytes (i32.shl (local.get $d) (i32.const 2)))
 *     (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2))))
 *     (block $done
 *       (loop $rows
 *         (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
 *         (local.set $a (v128.const i32x4 0 0 0 0))
 *         (local.set $b (v128.const i32x4 0 0 0 0))
 *         (local.set $c (v128.const i32x4 0 0 0 0))
 *         (local.set $e (v128.const i32x4 0 0 0 0))
 *         (local.set $i (i32.const 0))
 *         (block $inner_done
 *           (loop $inner
 *             (br_if $inner_done (i32.ge_u (local.get $i) (local.get $rowBytes)))
 *             (local.set $p (i32.add (local.get $data) (local.get $i)))
 *             (local.set $a (f32x4.add (local.get $a) (f32x4.mul
 *               (v128.load offset=0 (i32.add (local.get $q) (local.get $i))) (v128.load offset=0 (local.get $p)))))
 *             (local.set $b (f32x4.add (local.get $b) (f32x4.mul
 *               (v128.load offset=16 (i32.add (local.get $q) (local.get $i))) (v128.load offset=16 (local.get $p)))))
 *             (local.set $c (f32x4.add (local.get $c) (f32x4.mul
 *               (v128.load offset=32 (i32.add (local.get $q) (local.get $i))) (v128.load offset=32 (local.get $p)))))
 *             (local.set $e (f32x4.add (local.get $e) (f32x4.mul
 *               (v128.load offset=48 (i32.add (local.get $q) (local.get $i))) (v128.load offset=48 (local.get $p)))))
 *             (local.set $i (i32.add (local.get $i) (i32.const 64)))
 *             (br $inner)))
 *         (local.set $a (f32x4.add (f32x4.add (local.get $a) (local.get $b)) (f32x4.add (local.get $c) (local.get $e))))
 *         (f32.store (local.get $out)
 *           (f32.add (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
 *                    (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
 *         (local.set $data (i32.add (local.get $data) (local.get $rowBytes)))
 *         (local.set $out (i32.add (local.get $out) (i32.const 4)))
 *         (br $rows)))))
 */
const DOTS_WASM = 'AGFzbQEAAAABCQFgBX9/f39/AAIPAQNlbnYGbWVtb3J5AgABAwIBAAcIAQRkb3RzAAAKvgIBuwIDA38EewF/IANBAnQhByAEIAJBAnRqIQUCQANAIAQgBU8NAf0MAAAAAAAAAAAAAAAAAAAAACEI/QwAAAAAAAAAAAAAAAAAAAAAIQn9DAAAAAAAAAAAAAAAAAAAAAAhCv0MAAAAAAAAAAAAAAAAAAAAACELQQAhBgJAA0AgBiAHTw0BIAEgBmohDCAIIAAgBmr9AAQAIAz9AAQA/eYB/eQBIQggCSAAIAZq/QAEECAM/QAEEP3mAf3kASEJIAogACAGav0ABCAgDP0ABCD95gH95AEhCiALIAAgBmr9AAQwIAz9AAQw/eYB/eQBIQsgBkHAAGohBgwACwsgCCAJ/eQBIAogC/3kAf3kASEIIAQgCP0fACAI/R8BkiAI/R8CIAj9HwOSkjgCACABIAdqIQEgBEEEaiEEDAALCws=';

type DotsKernel = (q: number, data: number, n: number, d: number, out: number) => void;

const PAGE = 65_536;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable (the JS loop is used there). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(DOTS_WASM), (c) => c.charCodeAt(0));
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * Float32 rows of fixed width in one growable buffer (WebAssembly memory when SIMD is available), with a batched
 * dot product of a query against a run of consecutive rows. Regions are bump-allocated and never freed: owners
 * (the inverted lists) move to a larger region when they grow, and a whole arena is dropped on retraining.
 * Views must be taken from {@link floats} after any allocation, since growth replaces the buffer.
 */
export class VectorArena {
  /** The whole arena as floats (replaced when the arena grows). */
  floats: Float32Array;
  private readonly memory: WebAssembly.Memory | undefined;
  private readonly kernel: DotsKernel | undefined;
  private used: number;
  private readonly queryAt: number;
  private scratchAt = 0;
  private scratchRows = 0;

  constructor(readonly dimensions: number, initialFloats = 1 << 16) {
    const module = dimensions % 16 === 0 ? kernelModule() : null;
    if (module) {
      this.memory = new WebAssembly.Memory({ initial: Math.ceil((initialFloats * 4) / PAGE) + 1 });
      const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
      this.kernel = instance.exports.dots as DotsKernel;
      this.floats = new Float32Array(this.memory.buffer);
    } else this.floats = new Float32Array(initialFloats);
    this.used = 0;
    this.queryAt = this.alloc(dimensions);
  }

  /** Whether the SIMD kernel is in use. */
  get simd(): boolean {
    return this.kernel !== undefined;
  }

  /** Reserves `count` floats (16-byte aligned) and returns their offset in {@link floats}. */
  alloc(count: number): number {
    const at = this.used;
    this.used += Math.ceil(count / 4) * 4;
    if (this.used > this.floats.length) this.grow(this.used);
    return at;
  }

  /**
   * Dot products of `query` with `n` rows starting at float offset `rows`; the returned view holds them and stays
   * valid until the next call or allocation.
   */
  scores(query: Float32Array, rows: number, n: number): Float32Array {
    const d = this.dimensions;
    if (n > this.scratchRows) {
      this.scratchRows = Math.max(n, this.scratchRows * 2, 1024);
      this.scratchAt = this.alloc(this.scratchRows);
    }
    const floats = this.floats;
    const out = floats.subarray(this.scratchAt, this.scratchAt + n);
    if (this.kernel) {
      floats.set(query, this.queryAt);
      this.kernel(this.queryAt * 4, rows * 4, n, d, this.scratchAt * 4);
      return out;
    }
    for (let r = 0; r < n; r += 1) {
      const base = rows + r * d;
      let sum = 0;
      for (let i = 0; i < d; i += 1) sum += query[i]! * floats[base + i]!;
      out[r] = sum;
    }
    return out;
  }

  private grow(floatsNeeded: number): void {
    const target = Math.max(floatsNeeded, this.floats.length * 2);
    if (this.memory) {
      this.memory.grow(Math.ceil((target * 4 - this.memory.buffer.byteLength) / PAGE));
      this.floats = new Float32Array(this.memory.buffer);
    } else {
      const grown = new Float32Array(target);
      grown.set(this.floats);
      this.floats = grown;
    }
  }
}
