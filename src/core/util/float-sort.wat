;; Least-significant-digit radix sort of float64 values, ascending, for src/core/util/float-sort.ts
;; (see there). Each value's bits become an unsigned key with the numeric order (negative: every bit
;; flipped; otherwise the sign bit set), sorted by six digits of 11 bits (the last of 9) through a
;; buffer of the same size, and turned back. A digit all keys share is skipped. Compiled into
;; float-sort-wasm.ts by scripts/wasm/build.ts.
;; Memory layout (byte addresses, chosen by the caller): values at $a (n f64), the buffer at $b
;; (n f64), the six histograms of 2048 i32 at $h (48 KiB, zeroed here).
(module
  ;; The caller's memory, made at the size it needs (growing a memory detaches its old buffer, and
  ;; the first detach in a process deoptimises every compiled function that reads typed arrays).
  (import "env" "memory" (memory 1))
  ;; Sorts the n values at $a; returns nothing, the sorted values are at $a.
  (func (export "sort") (param $a i32) (param $b i32) (param $h i32) (param $n i32)
    (local $i i32) (local $k i64) (local $d i32) (local $shift i64) (local $src i32) (local $dst i32)
    (local $at i32) (local $sum i32) (local $c i32) (local $hd i32) (local $t i32) (local $skip i32)
    (memory.fill (local.get $h) (i32.const 0) (i32.const 49152))
    ;; Keys in place, and every digit's histogram in one pass.
    (local.set $i (i32.const 0))
    (block $kd (loop $kl
      (br_if $kd (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $k (i64.load (local.get $at)))
      (local.set $k (i64.xor (local.get $k)
        (i64.or (i64.shr_s (local.get $k) (i64.const 63)) (i64.const 0x8000000000000000))))
      (i64.store (local.get $at) (local.get $k))
      (local.set $d (i32.const 0))
      (block $hd_ (loop $hl
        (br_if $hd_ (i32.ge_u (local.get $d) (i32.const 6)))
        (local.set $c (i32.add (local.get $h)
          (i32.shl (i32.add (i32.shl (local.get $d) (i32.const 11))
            (i32.wrap_i64 (i64.and (i64.shr_u (local.get $k) (i64.extend_i32_u (i32.mul (local.get $d) (i32.const 11)))) (i64.const 2047))))
            (i32.const 2))))
        (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $hl)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $kl)))
    (local.set $src (local.get $a))
    (local.set $dst (local.get $b))
    (local.set $d (i32.const 0))
    (block $pd (loop $pl
      (br_if $pd (i32.ge_u (local.get $d) (i32.const 6)))
      (local.set $hd (i32.add (local.get $h) (i32.shl (local.get $d) (i32.const 13))))
      (local.set $shift (i64.extend_i32_u (i32.mul (local.get $d) (i32.const 11))))
      ;; Exclusive prefix sums; a digit whose one bucket holds every key changes nothing.
      (local.set $skip (i32.const 0))
      (local.set $sum (i32.const 0))
      (local.set $i (i32.const 0))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $i) (i32.const 2048)))
        (local.set $at (i32.add (local.get $hd) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $c (i32.load (local.get $at)))
        (if (i32.eq (local.get $c) (local.get $n)) (then (local.set $skip (i32.const 1))))
        (i32.store (local.get $at) (local.get $sum))
        (local.set $sum (i32.add (local.get $sum) (local.get $c)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $sl)))
      (if (i32.eqz (local.get $skip))
        (then
          (local.set $i (i32.const 0))
          (block $xd (loop $xl
            (br_if $xd (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $k (i64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $at (i32.add (local.get $hd)
              (i32.shl (i32.wrap_i64 (i64.and (i64.shr_u (local.get $k) (local.get $shift)) (i64.const 2047))) (i32.const 2))))
            (local.set $c (i32.load (local.get $at)))
            (i32.store (local.get $at) (i32.add (local.get $c) (i32.const 1)))
            (i64.store (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 3))) (local.get $k))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $xl)))
          (local.set $t (local.get $src))
          (local.set $src (local.get $dst))
          (local.set $dst (local.get $t))))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $pl)))
    ;; Keys back to values, into $a.
    (local.set $i (i32.const 0))
    (block $ud (loop $ul
      (br_if $ud (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $k (i64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $k (i64.xor (local.get $k)
        (i64.or (i64.xor (i64.shr_s (local.get $k) (i64.const 63)) (i64.const -1)) (i64.const 0x8000000000000000))))
      (i64.store (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))) (local.get $k))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $ul))))
)
