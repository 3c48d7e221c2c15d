/**
 * WebAssembly text to bytes with wabt (a development dependency: only the build script and the
 * test that checks the committed bytes use it).
 */
import wabtInit from 'wabt';

/** The binary module of a .wat text (bulk memory enabled: memory.fill), validated. */
export async function wasmBytesOf(text: string, name: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat(name, text, { bulk_memory: true });
  try {
    mod.validate();
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}
