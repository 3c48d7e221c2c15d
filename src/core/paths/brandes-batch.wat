;; Batched (multi-source) Brandes on hop counts, the two sweeps of one batch of up to 32 sources,
;; for src/core/paths/wasm-brandes-batch.ts (see there; the JavaScript twin is `sweeps` in
;; brandes-batch.ts: keep the two in step, step for step, so that they give the same bits).
;; Arrays are byte addresses in the memory, set once by `layout`: i32 arrays indexed << 2, f32
;; << 2, f64 << 3; the per-(node, source) tables are node-major, row v at v * 32. Compiled into
;; brandes-batch-wasm.ts by scripts/wasm/build.ts.
(module
  ;; The caller's memory, made at the size it needs and never grown; shared (a SharedArrayBuffer
  ;; underneath), so that the sums array laid out in it is copied before a caller keeps it (ownedSums
  ;; in src/core/parallel/tasks.ts). Nothing here is atomic: one thread uses one memory.
  (import "env" "memory" (memory 1 65536 shared))
  (global $offs (mut i32) (i32.const 0))
  (global $tgts (mut i32) (i32.const 0))
  (global $n (mut i32) (i32.const 0))
  (global $seen (mut i32) (i32.const 0))
  (global $next (mut i32) (i32.const 0))
  (global $mark (mut i32) (i32.const 0))
  (global $up (mut i32) (i32.const 0))
  (global $cnt (mut i32) (i32.const 0))
  (global $coef (mut i32) (i32.const 0))
  (global $ls (mut i32) (i32.const 0))
  (global $acc (mut i32) (i32.const 0))
  (global $en (mut i32) (i32.const 0))
  (global $em (mut i32) (i32.const 0))
  (global $cap (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  (func (export "layout")
    (param $offs i32) (param $tgts i32) (param $n i32) (param $seen i32) (param $next i32)
    (param $mark i32) (param $up i32) (param $cnt i32) (param $coef i32) (param $ls i32)
    (param $acc i32) (param $en i32) (param $em i32) (param $cap i32) (param $out i32)
    (global.set $offs (local.get $offs)) (global.set $tgts (local.get $tgts)) (global.set $n (local.get $n))
    (global.set $seen (local.get $seen)) (global.set $next (local.get $next)) (global.set $mark (local.get $mark))
    (global.set $up (local.get $up)) (global.set $cnt (local.get $cnt)) (global.set $coef (local.get $coef))
    (global.set $ls (local.get $ls)) (global.set $acc (local.get $acc)) (global.set $en (local.get $en))
    (global.set $em (local.get $em)) (global.set $cap (local.get $cap)) (global.set $out (local.get $out)))
  ;; The sweeps of the batch of sources first .. first + count - 1 (count 1 to 32), adding each
  ;; node's dependencies to out. Returns the (node, source) pairs reached; -1 when a path count
  ;; passed 2^24 and -2 when the level entries would pass `cap` (then nothing is added to out and
  ;; the per-node state is clean again: the caller runs the batch another way).
  (func (export "sweeps") (param $first i32) (param $count i32) (result i32)
    (local $offs i32) (local $tgts i32) (local $n i32) (local $seen i32) (local $next i32)
    (local $mark i32) (local $up i32) (local $cnt i32) (local $coef i32) (local $ls i32)
    (local $acc i32) (local $en i32) (local $em i32) (local $cap i32) (local $out i32)
    (local $i i32) (local $s i32) (local $reached i32) (local $big i32) (local $levels i32)
    (local $from i32) (local $to i32) (local $nextSize i32) (local $q i32) (local $v i32)
    (local $bits i32) (local $vb i32) (local $p i32) (local $end i32) (local $w i32) (local $reach i32)
    (local $before i32) (local $wb i32) (local $r i32) (local $low i32) (local $sum f64)
    (local $k i32) (local $d i32) (local $upFrom i32) (local $upTo i32) (local $on i32)
    (local $rest i32) (local $credit f64) (local $sv f64) (local $a f64) (local $at i32) (local $total i32)
    (local.set $offs (global.get $offs)) (local.set $tgts (global.get $tgts)) (local.set $n (global.get $n))
    (local.set $seen (global.get $seen)) (local.set $next (global.get $next)) (local.set $mark (global.get $mark))
    (local.set $up (global.get $up)) (local.set $cnt (global.get $cnt)) (local.set $coef (global.get $coef))
    (local.set $ls (global.get $ls)) (local.set $acc (global.get $acc)) (local.set $en (global.get $en))
    (local.set $em (global.get $em)) (local.set $cap (global.get $cap)) (local.set $out (global.get $out))
    ;; The sources: level 0.
    (local.set $i (i32.const 0))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_s (local.get $i) (local.get $count)))
      (local.set $s (i32.add (local.get $first) (local.get $i)))
      (i32.store (i32.add (local.get $seen) (i32.shl (local.get $s) (i32.const 2))) (i32.shl (i32.const 1) (local.get $i)))
      (i32.store (i32.add (local.get $en) (i32.shl (local.get $i) (i32.const 2))) (local.get $s))
      (i32.store (i32.add (local.get $em) (i32.shl (local.get $i) (i32.const 2))) (i32.shl (i32.const 1) (local.get $i)))
      (f32.store (i32.add (local.get $cnt) (i32.shl (i32.add (i32.shl (local.get $s) (i32.const 5)) (local.get $i)) (i32.const 2))) (f32.const 1))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $sl)))
    (local.set $reached (local.get $count))
    (i32.store (local.get $ls) (i32.const 0))
    (i32.store (i32.add (local.get $ls) (i32.const 4)) (local.get $count))
    (local.set $levels (i32.const 1))
    ;; Forward: level-synchronous multi-source BFS with path counts.
    (block $fd (loop $fl
      (local.set $from (i32.load (i32.add (local.get $ls) (i32.shl (i32.sub (local.get $levels) (i32.const 1)) (i32.const 2)))))
      (local.set $to (i32.load (i32.add (local.get $ls) (i32.shl (local.get $levels) (i32.const 2)))))
      (local.set $nextSize (i32.const 0))
      (local.set $q (local.get $from))
      (block $qd (loop $ql
        (br_if $qd (i32.ge_s (local.get $q) (local.get $to)))
        (local.set $v (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $bits (i32.load (i32.add (local.get $em) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $vb (i32.add (local.get $cnt) (i32.shl (local.get $v) (i32.const 7))))
        (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $v) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $v) (i32.const 1)) (i32.const 2)))))
        (block $pd (loop $pl
          (br_if $pd (i32.ge_s (local.get $p) (local.get $end)))
          (local.set $w (i32.load (i32.add (local.get $tgts) (i32.shl (local.get $p) (i32.const 2)))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (local.set $reach (i32.and (local.get $bits)
            (i32.xor (i32.load (i32.add (local.get $seen) (i32.shl (local.get $w) (i32.const 2)))) (i32.const -1))))
          (br_if $pl (i32.eqz (local.get $reach)))
          (local.set $at (i32.add (local.get $next) (i32.shl (local.get $w) (i32.const 2))))
          (local.set $before (i32.load (local.get $at)))
          (if (i32.eqz (local.get $before))
            (then
              (i32.store (i32.add (local.get $up) (i32.shl (local.get $nextSize) (i32.const 2))) (local.get $w))
              (local.set $nextSize (i32.add (local.get $nextSize) (i32.const 1)))))
          (i32.store (local.get $at) (i32.or (local.get $before) (local.get $reach)))
          (local.set $wb (i32.add (local.get $cnt) (i32.shl (local.get $w) (i32.const 7))))
          ;; First arrival of a source's paths sets the count, later ones add to it.
          (local.set $r (local.get $reach))
          (block $rd (loop $rl
            (br_if $rd (i32.eqz (local.get $r)))
            (local.set $low (i32.and (local.get $r) (i32.sub (i32.const 0) (local.get $r))))
            (local.set $i (i32.shl (i32.ctz (local.get $r)) (i32.const 2)))
            (if (i32.eqz (i32.and (local.get $before) (local.get $low)))
              (then
                (f32.store (i32.add (local.get $wb) (local.get $i)) (f32.load (i32.add (local.get $vb) (local.get $i)))))
              (else
                (local.set $sum (f64.add
                  (f64.promote_f32 (f32.load (i32.add (local.get $wb) (local.get $i))))
                  (f64.promote_f32 (f32.load (i32.add (local.get $vb) (local.get $i))))))
                (f32.store (i32.add (local.get $wb) (local.get $i)) (f32.demote_f64 (local.get $sum)))
                (if (f64.gt (local.get $sum) (f64.const 16777216)) (then (local.set $big (i32.const 1))))))
            (local.set $r (i32.xor (local.get $r) (local.get $low)))
            (br $rl)))
          (br $pl)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $ql)))
      ;; A count past 2^24, or no room for the next level: undo this batch's marks and give up.
      (if (i32.or (local.get $big) (i32.gt_s (i32.add (local.get $to) (local.get $nextSize)) (local.get $cap)))
        (then
          (local.set $q (i32.const 0))
          (block $ud (loop $ul
            (br_if $ud (i32.ge_s (local.get $q) (local.get $nextSize)))
            (i32.store (i32.add (local.get $next) (i32.shl (i32.load (i32.add (local.get $up) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))) (i32.const 0))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $ul)))
          (local.set $q (i32.const 0))
          (block $vd (loop $vl
            (br_if $vd (i32.ge_s (local.get $q) (local.get $to)))
            (i32.store (i32.add (local.get $seen) (i32.shl (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))) (i32.const 0))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $vl)))
          (return (select (i32.const -1) (i32.const -2) (local.get $big)))))
      (br_if $fd (i32.eqz (local.get $nextSize)))
      ;; A dense level (more than n / 16 nodes) is listed in node order, so rows are read in memory order.
      (if (i32.gt_s (i32.mul (local.get $nextSize) (i32.const 16)) (local.get $n))
        (then
          (local.set $k (i32.const 0))
          (local.set $w (i32.const 0))
          (block $dd (loop $dl
            (br_if $dd (i32.ge_s (local.get $w) (local.get $n)))
            (if (i32.load (i32.add (local.get $next) (i32.shl (local.get $w) (i32.const 2))))
              (then
                (i32.store (i32.add (local.get $up) (i32.shl (local.get $k) (i32.const 2))) (local.get $w))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $dl)))))
      (local.set $q (i32.const 0))
      (block $ed (loop $el
        (br_if $ed (i32.ge_s (local.get $q) (local.get $nextSize)))
        (local.set $w (i32.load (i32.add (local.get $up) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $at (i32.add (local.get $next) (i32.shl (local.get $w) (i32.const 2))))
        (local.set $bits (i32.load (local.get $at)))
        (i32.store (local.get $at) (i32.const 0))
        (local.set $at (i32.add (local.get $seen) (i32.shl (local.get $w) (i32.const 2))))
        (i32.store (local.get $at) (i32.or (i32.load (local.get $at)) (local.get $bits)))
        (local.set $at (i32.shl (i32.add (local.get $to) (local.get $q)) (i32.const 2)))
        (i32.store (i32.add (local.get $en) (local.get $at)) (local.get $w))
        (i32.store (i32.add (local.get $em) (local.get $at)) (local.get $bits))
        (local.set $reached (i32.add (local.get $reached) (i32.popcnt (local.get $bits))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $el)))
      (local.set $levels (i32.add (local.get $levels) (i32.const 1)))
      (i32.store (i32.add (local.get $ls) (i32.shl (local.get $levels) (i32.const 2))) (i32.add (local.get $to) (local.get $nextSize)))
      (br $fl)))
    ;; Backward: levels descending, pull form; level 0 (the sources) gets no credit.
    (local.set $d (i32.sub (local.get $levels) (i32.const 1)))
    (block $bd (loop $bl
      (br_if $bd (i32.lt_s (local.get $d) (i32.const 1)))
      (local.set $upFrom (i32.load (i32.add (local.get $ls) (i32.shl (i32.add (local.get $d) (i32.const 1)) (i32.const 2)))))
      (local.set $upTo (i32.load (i32.add (local.get $ls) (i32.shl
        (select (i32.add (local.get $d) (i32.const 2)) (local.get $levels) (i32.le_s (i32.add (local.get $d) (i32.const 2)) (local.get $levels)))
        (i32.const 2)))))
      (if (i32.lt_s (i32.add (local.get $d) (i32.const 1)) (local.get $levels))
        (then
          (local.set $q (local.get $upFrom))
          (block $md (loop $ml
            (br_if $md (i32.ge_s (local.get $q) (local.get $upTo)))
            (i32.store (i32.add (local.get $mark) (i32.shl (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2)))
              (i32.load (i32.add (local.get $em) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $ml)))))
      (local.set $to (local.get $upFrom))
      (local.set $q (i32.load (i32.add (local.get $ls) (i32.shl (local.get $d) (i32.const 2)))))
      (block $qd2 (loop $ql2
        (br_if $qd2 (i32.ge_s (local.get $q) (local.get $to)))
        (local.set $v (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $bits (i32.load (i32.add (local.get $em) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $v) (i32.const 2)))))
        ;; The deepest level has no successors: no arc to scan.
        (local.set $end (select
          (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $v) (i32.const 1)) (i32.const 2))))
          (local.get $p)
          (i32.lt_s (i32.add (local.get $d) (i32.const 1)) (local.get $levels))))
        (block $pd2 (loop $pl2
          (br_if $pd2 (i32.ge_s (local.get $p) (local.get $end)))
          (local.set $w (i32.load (i32.add (local.get $tgts) (i32.shl (local.get $p) (i32.const 2)))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (local.set $on (i32.and (local.get $bits) (i32.load (i32.add (local.get $mark) (i32.shl (local.get $w) (i32.const 2))))))
          (br_if $pl2 (i32.eqz (local.get $on)))
          (local.set $wb (i32.add (local.get $coef) (i32.shl (local.get $w) (i32.const 8))))
          (block $od (loop $ol
            (br_if $od (i32.eqz (local.get $on)))
            (local.set $i (i32.shl (i32.ctz (local.get $on)) (i32.const 3)))
            (local.set $at (i32.add (local.get $acc) (local.get $i)))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.load (i32.add (local.get $wb) (local.get $i)))))
            (local.set $on (i32.and (local.get $on) (i32.sub (local.get $on) (i32.const 1))))
            (br $ol)))
          (br $pl2)))
        (local.set $rest (local.get $bits))
        (local.set $credit (f64.const 0))
        (local.set $vb (i32.shl (local.get $v) (i32.const 5)))
        (block $cd (loop $cl
          (br_if $cd (i32.eqz (local.get $rest)))
          (local.set $i (i32.add (local.get $vb) (i32.ctz (local.get $rest))))
          (local.set $sv (f64.promote_f32 (f32.load (i32.add (local.get $cnt) (i32.shl (local.get $i) (i32.const 2))))))
          (local.set $at (i32.add (local.get $acc) (i32.shl (i32.ctz (local.get $rest)) (i32.const 3))))
          (local.set $a (f64.load (local.get $at)))
          (f64.store (local.get $at) (f64.const 0))
          (f64.store (i32.add (local.get $coef) (i32.shl (local.get $i) (i32.const 3)))
            (f64.add (f64.div (f64.const 1) (local.get $sv)) (local.get $a)))
          (local.set $credit (f64.add (local.get $credit) (f64.mul (local.get $sv) (local.get $a))))
          (local.set $rest (i32.and (local.get $rest) (i32.sub (local.get $rest) (i32.const 1))))
          (br $cl)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $v) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $credit)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $ql2)))
      (if (i32.lt_s (i32.add (local.get $d) (i32.const 1)) (local.get $levels))
        (then
          (local.set $q (local.get $upFrom))
          (block $zd (loop $zl
            (br_if $zd (i32.ge_s (local.get $q) (local.get $upTo)))
            (i32.store (i32.add (local.get $mark) (i32.shl (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))) (i32.const 0))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $zl)))))
      (local.set $d (i32.sub (local.get $d) (i32.const 1)))
      (br $bl)))
    ;; Reset: every node reached has its seen mask cleared (counts and coef are written before they are read).
    (local.set $total (i32.load (i32.add (local.get $ls) (i32.shl (local.get $levels) (i32.const 2)))))
    (local.set $q (i32.const 0))
    (block $xd (loop $xl
      (br_if $xd (i32.ge_s (local.get $q) (local.get $total)))
      (i32.store (i32.add (local.get $seen) (i32.shl (i32.load (i32.add (local.get $en) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))) (i32.const 0))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $xl)))
    (local.get $reached))
)
