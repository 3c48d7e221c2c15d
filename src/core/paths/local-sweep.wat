;; The local-path sweep of one source with a group filter, for src/core/paths/wasm-local-sweep.ts
;; (see there; the JavaScript twin is sweepWholeRows in src/recommend/introduction-adjacency.ts:
;; keep the two in step, the same sums in the same order). Arrays are byte addresses in the
;; caller's memory: i32 arrays indexed << 2, f64 arrays << 3. Compiled into local-sweep-wasm.ts by
;; scripts/wasm/build.ts.
(module
  ;; The caller's memory, made at the size it needs (never grown: growing detaches its buffer).
  (import "env" "memory" (memory 1))
  ;; Returns the number of nodes reached (listed in touched in first-reach order).
  (func (export "sweep")
    (param $source i32) (param $mark i32) (param $group i32) (param $same i32) (param $from i32) (param $three i32)
    (param $offs i32) (param $tg i32) (param $wt i32) (param $str i32) (param $label i32)
    (param $common i32) (param $ra i32) (param $raw i32) (param $ra3 i32) (param $touched i32) (param $stamp i32)
    (result i32)
    (local $reached i32) (local $p i32) (local $pend i32) (local $x i32) (local $kx i32) (local $ax f64)
    (local $sx f64) (local $q i32) (local $qend i32) (local $y i32) (local $ly i32) (local $lo i32)
    (local $hi i32) (local $step f64) (local $r i32) (local $j i32) (local $lj i32) (local $at i32)
    (i32.store (i32.add (local.get $stamp) (i32.shl (local.get $source) (i32.const 2))) (local.get $mark))
    (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $source) (i32.const 2)))))
    (local.set $pend (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $source) (i32.const 1)) (i32.const 2)))))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_s (local.get $p) (local.get $pend)))
      (i32.store (i32.add (local.get $stamp)
        (i32.shl (i32.load (i32.add (local.get $tg) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2)))
        (local.get $mark))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $sl)))
    (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $source) (i32.const 2)))))
    (block $xd (loop $xl
      (br_if $xd (i32.ge_s (local.get $p) (local.get $pend)))
      (local.set $x (i32.load (i32.add (local.get $tg) (i32.shl (local.get $p) (i32.const 2)))))
      (local.set $q (i32.load (i32.add (local.get $offs) (i32.shl (local.get $x) (i32.const 2)))))
      (local.set $qend (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $x) (i32.const 1)) (i32.const 2)))))
      (local.set $kx (i32.sub (local.get $qend) (local.get $q)))
      (local.set $ax (f64.load (i32.add (local.get $wt) (i32.shl (local.get $p) (i32.const 3)))))
      (local.set $sx (f64.load (i32.add (local.get $str) (i32.shl (local.get $x) (i32.const 3)))))
      (block $yd (loop $yl
        (br_if $yd (i32.ge_s (local.get $q) (local.get $qend)))
        (local.set $y (i32.load (i32.add (local.get $tg) (i32.shl (local.get $q) (i32.const 2)))))
        (block $ynext
          (br_if $ynext (i32.eq (local.get $y) (local.get $source)))
          (local.set $ly (i32.load (i32.add (local.get $label) (i32.shl (local.get $y) (i32.const 2)))))
          ;; Two steps: y not tied to the source, at or after `from`, in an accepted group.
          (if (i32.and
                (i32.and
                  (i32.ne (i32.load (i32.add (local.get $stamp) (i32.shl (local.get $y) (i32.const 2)))) (local.get $mark))
                  (i32.ge_s (local.get $y) (local.get $from)))
                (i32.and
                  (i32.ge_s (local.get $ly) (i32.const 0))
                  (i32.eq (i32.eq (local.get $ly) (local.get $group)) (local.get $same))))
            (then
              (local.set $at (i32.shl (local.get $y) (i32.const 3)))
              (if (i32.and
                    (f64.eq (f64.load (i32.add (local.get $common) (local.get $at))) (f64.const 0))
                    (f64.eq (f64.load (i32.add (local.get $ra3) (local.get $at))) (f64.const 0)))
                (then
                  (i32.store (i32.add (local.get $touched) (i32.shl (local.get $reached) (i32.const 2))) (local.get $y))
                  (local.set $reached (i32.add (local.get $reached) (i32.const 1)))))
              (f64.store (i32.add (local.get $common) (local.get $at))
                (f64.add (f64.load (i32.add (local.get $common) (local.get $at))) (f64.const 1)))
              (f64.store (i32.add (local.get $ra) (local.get $at))
                (f64.add (f64.load (i32.add (local.get $ra) (local.get $at)))
                  (f64.div (f64.const 1) (f64.convert_i32_s (local.get $kx)))))
              (f64.store (i32.add (local.get $raw) (local.get $at))
                (f64.add (f64.load (i32.add (local.get $raw) (local.get $at)))
                  (f64.div
                    (f64.add (local.get $ax) (f64.load (i32.add (local.get $wt) (i32.shl (local.get $q) (i32.const 3)))))
                    (f64.mul (f64.const 2) (local.get $sx)))))))
          (br_if $ynext (i32.eqz (local.get $three)))
          ;; Three steps: y's whole row.
          (local.set $lo (i32.load (i32.add (local.get $offs) (i32.shl (local.get $y) (i32.const 2)))))
          (local.set $hi (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $y) (i32.const 1)) (i32.const 2)))))
          (br_if $ynext (i32.eq (local.get $lo) (local.get $hi)))
          (local.set $step (f64.div (f64.const 1)
            (f64.mul (f64.convert_i32_s (local.get $kx)) (f64.convert_i32_s (i32.sub (local.get $hi) (local.get $lo))))))
          (local.set $r (local.get $lo))
          (block $jd (loop $jl
            (br_if $jd (i32.ge_s (local.get $r) (local.get $hi)))
            (local.set $j (i32.load (i32.add (local.get $tg) (i32.shl (local.get $r) (i32.const 2)))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br_if $jl (i32.eq (local.get $j) (local.get $x)))
            (br_if $jl (i32.eq (i32.load (i32.add (local.get $stamp) (i32.shl (local.get $j) (i32.const 2)))) (local.get $mark)))
            (br_if $jl (i32.lt_s (local.get $j) (local.get $from)))
            (local.set $lj (i32.load (i32.add (local.get $label) (i32.shl (local.get $j) (i32.const 2)))))
            (br_if $jl (i32.lt_s (local.get $lj) (i32.const 0)))
            (br_if $jl (i32.ne (i32.eq (local.get $lj) (local.get $group)) (local.get $same)))
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (if (i32.and
                  (f64.eq (f64.load (i32.add (local.get $common) (local.get $at))) (f64.const 0))
                  (f64.eq (f64.load (i32.add (local.get $ra3) (local.get $at))) (f64.const 0)))
              (then
                (i32.store (i32.add (local.get $touched) (i32.shl (local.get $reached) (i32.const 2))) (local.get $j))
                (local.set $reached (i32.add (local.get $reached) (i32.const 1)))))
            (f64.store (i32.add (local.get $ra3) (local.get $at))
              (f64.add (f64.load (i32.add (local.get $ra3) (local.get $at))) (local.get $step)))
            (br $jl))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $yl)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $xl)))
    (local.get $reached))
  ;; Zeroes the scores of the first `reached` touched nodes (the next sweep starts clean).
  (func (export "clear")
    (param $reached i32) (param $touched i32) (param $common i32) (param $ra i32) (param $raw i32) (param $ra3 i32)
    (local $t i32) (local $at i32)
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $t) (local.get $reached)))
      (local.set $at (i32.shl (i32.load (i32.add (local.get $touched) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 3)))
      (f64.store (i32.add (local.get $common) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (local.get $ra) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (local.get $raw) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (local.get $ra3) (local.get $at)) (f64.const 0))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $l))))
)
