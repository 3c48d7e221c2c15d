;; y = A x over the rows of a CSR matrix, and the fused vector passes of the symmetric eigensolver,
;; for src/core/parallel/wasm-spmv.ts (see there; the JavaScript twins are spmvRows and the passes of
;; runVectorPass in spmv-kernels.ts: keep them in step, so that every sum is added in the same order
;; and gives the same bits). Arrays are byte addresses in the memory (the matrix's set once by
;; `layout`, the vectors' given with each call): i32 arrays indexed << 2, f64 << 3. Every export
;; works on the rows [$from, $to) set by `rows` (all rows after `layout`): the threaded engine runs one
;; instance per thread on one shared memory, each on its row range, as spmvRows and runVectorPass do
;; in JavaScript. Compiled into spmv-wasm.ts by scripts/wasm/build.ts.
(module
  ;; The caller's memory, made at the size it needs and never grown; shared, so that the threads of
  ;; the engine read one copy of the matrix and vectors. Nothing here is atomic: the threads write
  ;; disjoint rows, and the engine orders the steps with Atomics in JavaScript.
  (import "env" "memory" (memory 1 65536 shared))
  (global $offs (mut i32) (i32.const 0))
  (global $tgts (mut i32) (i32.const 0))
  (global $wts (mut i32) (i32.const 0))
  (global $from (mut i32) (i32.const 0))
  (global $to (mut i32) (i32.const 0))
  ;; $wts < 0: every value is 1. The row range becomes [0, n).
  (func (export "layout") (param $offs i32) (param $tgts i32) (param $wts i32) (param $n i32)
    (global.set $offs (local.get $offs)) (global.set $tgts (local.get $tgts)) (global.set $wts (local.get $wts))
    (global.set $from (i32.const 0)) (global.set $to (local.get $n)))
  ;; The rows the exports below work on: [from, to).
  (func (export "rows") (param $from i32) (param $to i32)
    (global.set $from (local.get $from)) (global.set $to (local.get $to)))
  ;; y = A x, x and y at the addresses given.
  (func (export "multiply") (param $x i32) (param $y i32)
    (local $offs i32) (local $tgts i32) (local $wts i32) (local $n i32)
    (local $i i32) (local $p i32) (local $end i32) (local $sum f64)
    (local.set $offs (global.get $offs)) (local.set $tgts (global.get $tgts)) (local.set $wts (global.get $wts))
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $i) (i32.const 2)))))
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

  ;; The passes below: vectors at byte addresses, n values each, rows [$from, $to) of them; the
  ;; range's sums written to $out (f64 slots).
  ;; residual: x *= pending, ax *= pending, q = ax - theta x; sums [q.q, x.q].
  (func (export "residual") (param $x i32) (param $ax i32) (param $q i32) (param $pending f64) (param $theta f64) (param $out i32)
    (local $i i32) (local $n i32) (local $o i32) (local $xi f64) (local $axi f64) (local $r f64) (local $rr f64) (local $xr f64)
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 3)))
      (local.set $xi (f64.mul (f64.load (i32.add (local.get $x) (local.get $o))) (local.get $pending)))
      (local.set $axi (f64.mul (f64.load (i32.add (local.get $ax) (local.get $o))) (local.get $pending)))
      (f64.store (i32.add (local.get $x) (local.get $o)) (local.get $xi))
      (f64.store (i32.add (local.get $ax) (local.get $o)) (local.get $axi))
      (local.set $r (f64.sub (local.get $axi) (f64.mul (local.get $theta) (local.get $xi))))
      (f64.store (i32.add (local.get $q) (local.get $o)) (local.get $r))
      (local.set $rr (f64.add (local.get $rr) (f64.mul (local.get $r) (local.get $r))))
      (local.set $xr (f64.add (local.get $xr) (f64.mul (local.get $xi) (local.get $r))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (local.get $out) (local.get $rr))
    (f64.store offset=8 (local.get $out) (local.get $xr)))
  ;; orthonormalise: q = (q - xr x) / qn; when withP, sums [p.x, p.q, p.p].
  (func (export "orthonormalise") (param $q i32) (param $x i32) (param $p i32) (param $xr f64) (param $qn f64) (param $withP i32) (param $out i32)
    (local $i i32) (local $n i32) (local $o i32) (local $qi f64) (local $pi f64) (local $px f64) (local $pq f64) (local $pp f64)
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 3)))
      (local.set $qi (f64.div (f64.sub (f64.load (i32.add (local.get $q) (local.get $o)))
        (f64.mul (local.get $xr) (f64.load (i32.add (local.get $x) (local.get $o))))) (local.get $qn)))
      (f64.store (i32.add (local.get $q) (local.get $o)) (local.get $qi))
      (if (local.get $withP)
        (then
          (local.set $pi (f64.load (i32.add (local.get $p) (local.get $o))))
          (local.set $px (f64.add (local.get $px) (f64.mul (local.get $pi) (f64.load (i32.add (local.get $x) (local.get $o))))))
          (local.set $pq (f64.add (local.get $pq) (f64.mul (local.get $pi) (local.get $qi))))
          (local.set $pp (f64.add (local.get $pp) (f64.mul (local.get $pi) (local.get $pi))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (if (local.get $withP)
      (then
        (f64.store (local.get $out) (local.get $px))
        (f64.store offset=8 (local.get $out) (local.get $pq))
        (f64.store offset=16 (local.get $out) (local.get $pp)))))
  ;; pSums: sums [p.x, p.q, p.p].
  (func (export "pSums") (param $p i32) (param $x i32) (param $q i32) (param $out i32)
    (local $i i32) (local $n i32) (local $o i32) (local $pi f64) (local $px f64) (local $pq f64) (local $pp f64)
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 3)))
      (local.set $pi (f64.load (i32.add (local.get $p) (local.get $o))))
      (local.set $px (f64.add (local.get $px) (f64.mul (local.get $pi) (f64.load (i32.add (local.get $x) (local.get $o))))))
      (local.set $pq (f64.add (local.get $pq) (f64.mul (local.get $pi) (f64.load (i32.add (local.get $q) (local.get $o))))))
      (local.set $pp (f64.add (local.get $pp) (f64.mul (local.get $pi) (local.get $pi))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (local.get $out) (local.get $px))
    (f64.store offset=8 (local.get $out) (local.get $pq))
    (f64.store offset=16 (local.get $out) (local.get $pp)))
  ;; productRitz after the product (aq given): when withP p -= px x + pq q, ap -= px ax + pq aq;
  ;; sums [p.p, x.aq, q.aq, x.ap, q.ap, p.ap].
  (func (export "ritz") (param $q i32) (param $aq i32) (param $x i32) (param $ax i32) (param $p i32) (param $ap i32)
    (param $withP i32) (param $px f64) (param $pq f64) (param $out i32)
    (local $i i32) (local $n i32) (local $o i32) (local $aqi f64) (local $xi f64) (local $qi f64) (local $pi f64) (local $api f64)
    (local $after f64) (local $xaq f64) (local $qaq f64) (local $xap f64) (local $qap f64) (local $pap f64)
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 3)))
      (local.set $aqi (f64.load (i32.add (local.get $aq) (local.get $o))))
      (local.set $xi (f64.load (i32.add (local.get $x) (local.get $o))))
      (local.set $qi (f64.load (i32.add (local.get $q) (local.get $o))))
      (local.set $xaq (f64.add (local.get $xaq) (f64.mul (local.get $xi) (local.get $aqi))))
      (local.set $qaq (f64.add (local.get $qaq) (f64.mul (local.get $qi) (local.get $aqi))))
      (if (local.get $withP)
        (then
          (local.set $pi (f64.sub (f64.sub (f64.load (i32.add (local.get $p) (local.get $o))) (f64.mul (local.get $px) (local.get $xi)))
            (f64.mul (local.get $pq) (local.get $qi))))
          (f64.store (i32.add (local.get $p) (local.get $o)) (local.get $pi))
          (local.set $api (f64.sub (f64.load (i32.add (local.get $ap) (local.get $o)))
            (f64.add (f64.mul (local.get $px) (f64.load (i32.add (local.get $ax) (local.get $o)))) (f64.mul (local.get $pq) (local.get $aqi)))))
          (f64.store (i32.add (local.get $ap) (local.get $o)) (local.get $api))
          (local.set $after (f64.add (local.get $after) (f64.mul (local.get $pi) (local.get $pi))))
          (local.set $xap (f64.add (local.get $xap) (f64.mul (local.get $xi) (local.get $api))))
          (local.set $qap (f64.add (local.get $qap) (f64.mul (local.get $qi) (local.get $api))))
          (local.set $pap (f64.add (local.get $pap) (f64.mul (local.get $pi) (local.get $api))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (local.get $out) (local.get $after))
    (f64.store offset=8 (local.get $out) (local.get $xaq))
    (f64.store offset=16 (local.get $out) (local.get $qaq))
    (f64.store offset=24 (local.get $out) (local.get $xap))
    (f64.store offset=32 (local.get $out) (local.get $qap))
    (f64.store offset=40 (local.get $out) (local.get $pap)))
  ;; update: p = c1 q + c2 p, ap likewise, x = c0 x + p, ax likewise; sums [x.x, x.ax].
  (func (export "update") (param $q i32) (param $aq i32) (param $p i32) (param $ap i32) (param $x i32) (param $ax i32)
    (param $c0 f64) (param $c1 f64) (param $c2 f64) (param $out i32)
    (local $i i32) (local $n i32) (local $o i32) (local $pi f64) (local $api f64) (local $xi f64) (local $axi f64) (local $xx f64) (local $xax f64)
    (local.set $i (global.get $from)) (local.set $n (global.get $to))
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 3)))
      (local.set $pi (f64.add (f64.mul (local.get $c1) (f64.load (i32.add (local.get $q) (local.get $o))))
        (f64.mul (local.get $c2) (f64.load (i32.add (local.get $p) (local.get $o))))))
      (local.set $api (f64.add (f64.mul (local.get $c1) (f64.load (i32.add (local.get $aq) (local.get $o))))
        (f64.mul (local.get $c2) (f64.load (i32.add (local.get $ap) (local.get $o))))))
      (f64.store (i32.add (local.get $p) (local.get $o)) (local.get $pi))
      (f64.store (i32.add (local.get $ap) (local.get $o)) (local.get $api))
      (local.set $xi (f64.add (f64.mul (local.get $c0) (f64.load (i32.add (local.get $x) (local.get $o)))) (local.get $pi)))
      (local.set $axi (f64.add (f64.mul (local.get $c0) (f64.load (i32.add (local.get $ax) (local.get $o)))) (local.get $api)))
      (f64.store (i32.add (local.get $x) (local.get $o)) (local.get $xi))
      (f64.store (i32.add (local.get $ax) (local.get $o)) (local.get $axi))
      (local.set $xx (f64.add (local.get $xx) (f64.mul (local.get $xi) (local.get $xi))))
      (local.set $xax (f64.add (local.get $xax) (f64.mul (local.get $xi) (local.get $axi))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (f64.store (local.get $out) (local.get $xx))
    (f64.store offset=8 (local.get $out) (local.get $xax)))
)
