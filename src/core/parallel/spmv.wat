;; y = A x over the rows of a CSR matrix, for src/core/parallel/wasm-spmv.ts (see there; the
;; JavaScript twin is spmvRows in spmv-kernels.ts: keep the two in step, so that every row's sum is
;; added in the same order and gives the same bits). Arrays are byte addresses in the memory, set once
;; by `layout`: i32 arrays indexed << 2, f64 << 3. Compiled into spmv-wasm.ts by scripts/wasm/build.ts.
(module
  ;; The caller's memory, made at the size it needs and never grown.
  (import "env" "memory" (memory 1))
  (global $offs (mut i32) (i32.const 0))
  (global $tgts (mut i32) (i32.const 0))
  (global $wts (mut i32) (i32.const 0))
  (global $x (mut i32) (i32.const 0))
  (global $y (mut i32) (i32.const 0))
  (global $n (mut i32) (i32.const 0))
  ;; $wts < 0: every value is 1.
  (func (export "layout") (param $offs i32) (param $tgts i32) (param $wts i32) (param $x i32) (param $y i32) (param $n i32)
    (global.set $offs (local.get $offs)) (global.set $tgts (local.get $tgts)) (global.set $wts (local.get $wts))
    (global.set $x (local.get $x)) (global.set $y (local.get $y)) (global.set $n (local.get $n)))
  ;; y = A x, x and y at the addresses `layout` set.
  (func (export "multiply")
    (local $offs i32) (local $tgts i32) (local $wts i32) (local $x i32) (local $y i32) (local $n i32)
    (local $i i32) (local $p i32) (local $end i32) (local $sum f64)
    (local.set $offs (global.get $offs)) (local.set $tgts (global.get $tgts)) (local.set $wts (global.get $wts))
    (local.set $x (global.get $x)) (local.set $y (global.get $y)) (local.set $n (global.get $n))
    (local.set $p (i32.load (local.get $offs)))
    (if (i32.lt_s (local.get $wts) (i32.const 0))
      (then
        (block $d (loop $l
          (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
          (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
          (local.set $sum (f64.const 0))
          (block $pd (loop $pl
            (br_if $pd (i32.ge_s (local.get $p) (local.get $end)))
            (local.set $sum (f64.add (local.get $sum)
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (i32.add (local.get $tgts) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 3))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl)))
          (f64.store (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))) (local.get $sum))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l))))
      (else
        (block $d2 (loop $l2
          (br_if $d2 (i32.ge_s (local.get $i) (local.get $n)))
          (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
          (local.set $sum (f64.const 0))
          (block $pd2 (loop $pl2
            (br_if $pd2 (i32.ge_s (local.get $p) (local.get $end)))
            (local.set $sum (f64.add (local.get $sum)
              (f64.mul (f64.load (i32.add (local.get $wts) (i32.shl (local.get $p) (i32.const 3))))
                (f64.load (i32.add (local.get $x) (i32.shl (i32.load (i32.add (local.get $tgts) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 3)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl2)))
          (f64.store (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))) (local.get $sum))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l2))))))
)
