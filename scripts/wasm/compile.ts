/**
 * WebAssembly text to bytes with wabt (a development dependency: only the build script and the
 * test that checks the committed bytes use it).
 */
import wabtInit from 'wabt';

/** The binary module of a .wat text (bulk memory: memory.fill; threads: a shared memory), validated. */
export async function wasmBytesOf(text: string, name: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const features = { bulk_memory: true, threads: true };
  const mod = wabt.parseWat(name, text, features);
  try {
    // wabt's validate takes the features too (its typings omit the argument): without them a shared memory is refused.
    (mod as unknown as { validate(options: typeof features): void }).validate(features);
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}
