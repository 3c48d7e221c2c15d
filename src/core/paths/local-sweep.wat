;; Local-path sweeps with a group filter, and the score fit's per-source pass, for
;; src/core/paths/wasm-local-sweep.ts (see there). The JavaScript twins: sweepWholeRows in
;; src/recommend/introduction-adjacency.ts (the sweep) and foldCandidates' loop body in
;; src/recommend/score-fit.ts (reachedRows, unreachedRow, sampleUnreached, GeometricSkips, and
;; mulberry32 in src/core/util/random.ts): keep them in step, the same sums in the same order.
;; Arrays are byte addresses in the caller's memory (i32 arrays indexed << 2, f64 arrays << 3, the
;; hidden-arc flags and row flags one byte each), set once by "layout". Arcs flagged hidden are
;; skipped as if absent; deg holds each row's count of arcs not hidden. Compiled into
;; local-sweep-wasm.ts by scripts/wasm/build.ts.
(module
  ;; The caller's memory, made at the size it needs (never grown: growing detaches its buffer).
  (import "env" "memory" (memory 1))
  (global $offs (mut i32) (i32.const 0))
  (global $tg (mut i32) (i32.const 0))
  (global $wt (mut i32) (i32.const 0))
  (global $hid (mut i32) (i32.const 0))
  (global $deg (mut i32) (i32.const 0))
  (global $str (mut i32) (i32.const 0))
  (global $label (mut i32) (i32.const 0))
  (global $common (mut i32) (i32.const 0))
  (global $ra (mut i32) (i32.const 0))
  (global $raw (mut i32) (i32.const 0))
  (global $ra3 (mut i32) (i32.const 0))
  (global $touched (mut i32) (i32.const 0))
  (global $stamp (mut i32) (i32.const 0))
  (global $seen (mut i32) (i32.const 0))
  (global $partner (mut i32) (i32.const 0))
  (global $mine (mut i32) (i32.const 0))
  (global $rows (mut i32) (i32.const 0))
  (global $three (mut i32) (i32.const 0))
  (global $steps (mut i32) (i32.const 0))
  (global $blocks (mut i32) (i32.const 0))
  ;; The per-source pass's results: rows and three-step-only values written, pairs counted unreached.
  (global $nRows (export "nRows") (mut i32) (i32.const 0))
  (global $nThree (export "nThree") (mut i32) (i32.const 0))
  (global $nZero (export "nZero") (mut i32) (i32.const 0))
  ;; mulberry32's state (read and written by the caller around each pass).
  (global $rng (export "rng") (mut i32) (i32.const 0))

  (func (export "layout")
    (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $a3 i32) (param $a4 i32) (param $a5 i32) (param $a6 i32)
    (param $a7 i32) (param $a8 i32) (param $a9 i32) (param $a10 i32) (param $a11 i32) (param $a12 i32) (param $a13 i32)
    (param $a14 i32) (param $a15 i32) (param $a16 i32) (param $a17 i32) (param $a18 i32) (param $a19 i32)
    (global.set $offs (local.get $a0)) (global.set $tg (local.get $a1)) (global.set $wt (local.get $a2))
    (global.set $hid (local.get $a3)) (global.set $deg (local.get $a4)) (global.set $str (local.get $a5))
    (global.set $label (local.get $a6)) (global.set $common (local.get $a7)) (global.set $ra (local.get $a8))
    (global.set $raw (local.get $a9)) (global.set $ra3 (local.get $a10)) (global.set $touched (local.get $a11))
    (global.set $stamp (local.get $a12)) (global.set $seen (local.get $a13)) (global.set $partner (local.get $a14))
    (global.set $mine (local.get $a15)) (global.set $rows (local.get $a16)) (global.set $three (local.get $a17))
    (global.set $steps (local.get $a18)) (global.set $blocks (local.get $a19)))

  ;; One sweep from $source; returns the number of nodes reached (listed in touched in first-reach order).
  (func $sweep (export "sweep")
    (param $source i32) (param $mark i32) (param $group i32) (param $same i32) (param $from i32) (param $three i32)
    (result i32)
    (local $offs i32) (local $tg i32) (local $wt i32) (local $hid i32) (local $deg i32) (local $str i32) (local $label i32)
    (local $common i32) (local $ra i32) (local $raw i32) (local $ra3 i32) (local $touched i32) (local $stamp i32)
    (local $reached i32) (local $p i32) (local $pend i32) (local $x i32) (local $kx i32) (local $ax f64)
    (local $sx f64) (local $q i32) (local $qend i32) (local $y i32) (local $ly i32) (local $ky i32)
    (local $hi i32) (local $step f64) (local $r i32) (local $j i32) (local $lj i32) (local $at i32)
    (local $ok i32) (local $v f64)
    (local.set $offs (global.get $offs)) (local.set $tg (global.get $tg)) (local.set $wt (global.get $wt))
    (local.set $hid (global.get $hid)) (local.set $deg (global.get $deg)) (local.set $str (global.get $str))
    (local.set $label (global.get $label)) (local.set $common (global.get $common)) (local.set $ra (global.get $ra))
    (local.set $raw (global.get $raw)) (local.set $ra3 (global.get $ra3)) (local.set $touched (global.get $touched))
    (local.set $stamp (global.get $stamp))
    ;; The source and its neighbours are stamped (already tied: never candidates).
    (i32.store (i32.add (local.get $stamp) (i32.shl (local.get $source) (i32.const 2))) (local.get $mark))
    (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $source) (i32.const 2)))))
    (local.set $pend (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $source) (i32.const 1)) (i32.const 2)))))
    (block $sd (loop $sl
      (br_if $sd (i32.ge_s (local.get $p) (local.get $pend)))
      (if (i32.eqz (i32.load8_u (i32.add (local.get $hid) (local.get $p))))
        (then
          (i32.store (i32.add (local.get $stamp)
            (i32.shl (i32.load (i32.add (local.get $tg) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2)))
            (local.get $mark))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $sl)))
    (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $source) (i32.const 2)))))
    (block $xd (loop $xl
      (br_if $xd (i32.ge_s (local.get $p) (local.get $pend)))
      (block $xnext
        (br_if $xnext (i32.load8_u (i32.add (local.get $hid) (local.get $p))))
        (local.set $x (i32.load (i32.add (local.get $tg) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $q (i32.load (i32.add (local.get $offs) (i32.shl (local.get $x) (i32.const 2)))))
        (local.set $qend (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $x) (i32.const 1)) (i32.const 2)))))
        (local.set $kx (i32.load (i32.add (local.get $deg) (i32.shl (local.get $x) (i32.const 2)))))
        (local.set $ax (f64.load (i32.add (local.get $wt) (i32.shl (local.get $p) (i32.const 3)))))
        (local.set $sx (f64.load (i32.add (local.get $str) (i32.shl (local.get $x) (i32.const 3)))))
        (block $yd (loop $yl
          (br_if $yd (i32.ge_s (local.get $q) (local.get $qend)))
          (block $ynext
            (br_if $ynext (i32.load8_u (i32.add (local.get $hid) (local.get $q))))
            (local.set $y (i32.load (i32.add (local.get $tg) (i32.shl (local.get $q) (i32.const 2)))))
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
            ;; Three steps: y's row.
            (local.set $ky (i32.load (i32.add (local.get $deg) (i32.shl (local.get $y) (i32.const 2)))))
            (br_if $ynext (i32.eqz (local.get $ky)))
            (local.set $step (f64.div (f64.const 1)
              (f64.mul (f64.convert_i32_s (local.get $kx)) (f64.convert_i32_s (local.get $ky)))))
            (local.set $r (i32.load (i32.add (local.get $offs) (i32.shl (local.get $y) (i32.const 2)))))
            (local.set $hi (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $y) (i32.const 1)) (i32.const 2)))))
            ;; Branch-free: the arc's acceptance is a 0/1 value; a rejected j gets 0 added (its RA3
            ;; is +0 or above, so unchanged) and no touched entry (written, not counted).
            (block $jd (loop $jl
              (br_if $jd (i32.ge_s (local.get $r) (local.get $hi)))
              (local.set $j (i32.load (i32.add (local.get $tg) (i32.shl (local.get $r) (i32.const 2)))))
              (local.set $lj (i32.load (i32.add (local.get $label) (i32.shl (local.get $j) (i32.const 2)))))
              (local.set $ok (i32.and
                (i32.and
                  (i32.and
                    (i32.eqz (i32.load8_u (i32.add (local.get $hid) (local.get $r))))
                    (i32.ne (local.get $j) (local.get $x)))
                  (i32.and
                    (i32.ne (i32.load (i32.add (local.get $stamp) (i32.shl (local.get $j) (i32.const 2)))) (local.get $mark))
                    (i32.ge_s (local.get $j) (local.get $from))))
                (i32.and
                  (i32.ge_s (local.get $lj) (i32.const 0))
                  (i32.eq (i32.eq (local.get $lj) (local.get $group)) (local.get $same)))))
              (local.set $r (i32.add (local.get $r) (i32.const 1)))
              (local.set $at (i32.add (local.get $ra3) (i32.shl (local.get $j) (i32.const 3))))
              (local.set $v (f64.load (local.get $at)))
              (i32.store (i32.add (local.get $touched) (i32.shl (local.get $reached) (i32.const 2))) (local.get $j))
              (local.set $reached (i32.add (local.get $reached)
                (i32.and (local.get $ok)
                  (i32.and
                    (f64.eq (f64.load (i32.add (local.get $common) (i32.shl (local.get $j) (i32.const 3)))) (f64.const 0))
                    (f64.eq (local.get $v) (f64.const 0))))))
              (f64.store (local.get $at) (f64.add (local.get $v) (select (local.get $step) (f64.const 0) (local.get $ok))))
              (br $jl))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $yl))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $xl)))
    (local.get $reached))

  ;; Fisher-Yates on the $count values at $list, from the last down, each swapped with the one at
  ;; floor(u (t + 1)) for the next draw u (the shuffle of score-fit.ts, the same draws).
  (func (export "shuffle") (param $list i32) (param $count i32)
    (local $t i32) (local $u i32) (local $at i32) (local $bt i32) (local $x i32)
    (local.set $t (i32.sub (local.get $count) (i32.const 1)))
    (block $d (loop $l
      (br_if $d (i32.le_s (local.get $t) (i32.const 0)))
      (local.set $u (i32.trunc_f64_u (f64.floor (f64.mul
        (f64.div (f64.convert_i32_u (call $draw)) (f64.const 4294967296))
        (f64.convert_i32_s (i32.add (local.get $t) (i32.const 1)))))))
      (local.set $at (i32.add (local.get $list) (i32.shl (local.get $t) (i32.const 2))))
      (local.set $bt (i32.add (local.get $list) (i32.shl (local.get $u) (i32.const 2))))
      (local.set $x (i32.load (local.get $at)))
      (i32.store (local.get $at) (i32.load (local.get $bt)))
      (i32.store (local.get $bt) (local.get $x))
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (br $l))))

  ;; Sets the hidden flag of the $count arcs listed at $list to $flag.
  (func (export "flagArcs") (param $list i32) (param $count i32) (param $flag i32)
    (local $t i32)
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $t) (local.get $count)))
      (i32.store8 (i32.add (global.get $hid) (i32.load (i32.add (local.get $list) (i32.shl (local.get $t) (i32.const 2)))))
        (local.get $flag))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $l))))

  ;; For the $count nodes listed at $list: deg = the row's arcs not hidden, str = the sum of their
  ;; weights in row order ($weighted) or that count.
  (func (export "rowCounts") (param $list i32) (param $count i32) (param $weighted i32)
    (local $t i32) (local $x i32) (local $p i32) (local $end i32) (local $k i32) (local $w f64)
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $t) (local.get $count)))
      (local.set $x (i32.load (i32.add (local.get $list) (i32.shl (local.get $t) (i32.const 2)))))
      (local.set $p (i32.load (i32.add (global.get $offs) (i32.shl (local.get $x) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (global.get $offs) (i32.shl (i32.add (local.get $x) (i32.const 1)) (i32.const 2)))))
      (local.set $k (i32.const 0))
      (local.set $w (f64.const 0))
      (block $rd (loop $rl
        (br_if $rd (i32.ge_s (local.get $p) (local.get $end)))
        (if (i32.eqz (i32.load8_u (i32.add (global.get $hid) (local.get $p))))
          (then
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $w (f64.add (local.get $w) (f64.load (i32.add (global.get $wt) (i32.shl (local.get $p) (i32.const 3))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $rl)))
      (i32.store (i32.add (global.get $deg) (i32.shl (local.get $x) (i32.const 2))) (local.get $k))
      (f64.store (i32.add (global.get $str) (i32.shl (local.get $x) (i32.const 3)))
        (select (local.get $w) (f64.convert_i32_s (local.get $k)) (local.get $weighted)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $l))))

  ;; Zeroes the scores of the first `reached` touched nodes (the next sweep starts clean).
  (func $clear (export "clear") (param $reached i32)
    (local $t i32) (local $at i32)
    (block $d (loop $l
      (br_if $d (i32.ge_s (local.get $t) (local.get $reached)))
      (local.set $at (i32.shl (i32.load (i32.add (global.get $touched) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 3)))
      (f64.store (i32.add (global.get $common) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (global.get $ra) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (global.get $raw) (local.get $at)) (f64.const 0))
      (f64.store (i32.add (global.get $ra3) (local.get $at)) (f64.const 0))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $l))))

  ;; A pair the source does not reach: a held-out partner as a row of zeros, any other counted.
  (func $unreached (param $b i32) (param $stamp i32) (param $cap i32)
    (local $at i32)
    (i32.store (i32.add (global.get $seen) (i32.shl (local.get $b) (i32.const 2))) (local.get $stamp))
    (if (i32.ne (i32.load (i32.add (global.get $partner) (i32.shl (local.get $b) (i32.const 2)))) (local.get $stamp))
      (then
        (global.set $nZero (i32.add (global.get $nZero) (i32.const 1)))
        (return)))
    ;; Rows: cn, ra, raw, ra3 as four f64 blocks of $cap, then $cap flag bytes.
    (local.set $at (i32.add (global.get $rows) (i32.shl (global.get $nRows) (i32.const 3))))
    (f64.store (local.get $at) (f64.const 0))
    (f64.store (i32.add (local.get $at) (i32.shl (local.get $cap) (i32.const 3))) (f64.const 0))
    (f64.store (i32.add (local.get $at) (i32.shl (local.get $cap) (i32.const 4))) (f64.const 0))
    (f64.store (i32.add (local.get $at) (i32.mul (local.get $cap) (i32.const 24))) (f64.const 0))
    (i32.store8 (i32.add (i32.add (global.get $rows) (i32.shl (local.get $cap) (i32.const 5))) (global.get $nRows)) (i32.const 1))
    (global.set $nRows (i32.add (global.get $nRows) (i32.const 1))))

  ;; mulberry32's next draw as the whole number t (the draw is t / 2^32), read as unsigned.
  (func $draw (result i32)
    (local $t i32)
    (global.set $rng (i32.add (global.get $rng) (i32.const 0x6d2b79f5)))
    (local.set $t (global.get $rng))
    (local.set $t (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 15))) (i32.or (local.get $t) (i32.const 1))))
    (local.set $t (i32.xor (local.get $t)
      (i32.add (local.get $t) (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7))) (i32.or (local.get $t) (i32.const 61))))))
    (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))

  ;; The geometric skip of the next draw, read off the caller's step table (GeometricSkips).
  (func $skip (result i32)
    (local $t i32) (local $k i32) (local $ft f64)
    (local.set $t (call $draw))
    (local.set $ft (f64.convert_i32_u (local.get $t)))
    (local.set $k (i32.load (i32.add (global.get $blocks) (i32.shl (i32.shr_u (local.get $t) (i32.const 20)) (i32.const 2)))))
    (block $d (loop $l
      (br_if $d (f64.gt (f64.load (i32.add (global.get $steps) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))) (local.get $ft)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (local.get $k))

  ;; The score fit's pass for one source $a of group $ga (foldCandidates): sweep; the reached pairs
  ;; as rows (a held-out partner, or CN, RA or RAw above 0: cn, ra, raw, ra3 and the partner flag)
  ;; or, three steps only, as an RA3 value in $three; the $np held-out partners listed at $mine
  ;; (already flagged in $partner with $stamp) not reached, as rows of zeros; then every other
  ;; pair of another group from $from on ($dense), or a sample by geometric skips ($n nodes).
  ;; $mark: the sweep's new stamp; $cap: the row blocks' length. Results in nRows, nThree, nZero (reset here).
  (func (export "foldSource")
    (param $a i32) (param $ga i32) (param $from i32) (param $stamp i32) (param $mark i32) (param $np i32) (param $dense i32)
    (param $n i32) (param $cap i32)
    (local $reached i32) (local $t i32) (local $b i32) (local $at i32) (local $c f64) (local $r f64) (local $rw f64)
    (local $isPartner i32) (local $p i32) (local $lb i32) (local $rows i32)
    (global.set $nRows (i32.const 0))
    (global.set $nThree (i32.const 0))
    (global.set $nZero (i32.const 0))
    (local.set $reached (call $sweep (local.get $a) (local.get $mark) (local.get $ga) (i32.const 0) (local.get $from) (i32.const 1)))
    (local.set $rows (global.get $rows))
    (block $td (loop $tl
      (br_if $td (i32.ge_s (local.get $t) (local.get $reached)))
      (local.set $b (i32.load (i32.add (global.get $touched) (i32.shl (local.get $t) (i32.const 2)))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (i32.store (i32.add (global.get $seen) (i32.shl (local.get $b) (i32.const 2))) (local.get $stamp))
      (local.set $isPartner (i32.eq (i32.load (i32.add (global.get $partner) (i32.shl (local.get $b) (i32.const 2)))) (local.get $stamp)))
      (local.set $at (i32.shl (local.get $b) (i32.const 3)))
      (local.set $c (f64.load (i32.add (global.get $common) (local.get $at))))
      (local.set $r (f64.load (i32.add (global.get $ra) (local.get $at))))
      (local.set $rw (f64.load (i32.add (global.get $raw) (local.get $at))))
      (if (i32.and (i32.eqz (local.get $isPartner))
            (i32.and (f64.eq (local.get $c) (f64.const 0)) (i32.and (f64.eq (local.get $r) (f64.const 0)) (f64.eq (local.get $rw) (f64.const 0)))))
        (then
          (f64.store (i32.add (global.get $three) (i32.shl (global.get $nThree) (i32.const 3)))
            (f64.load (i32.add (global.get $ra3) (local.get $at))))
          (global.set $nThree (i32.add (global.get $nThree) (i32.const 1)))
          (br $tl)))
      (local.set $p (i32.add (local.get $rows) (i32.shl (global.get $nRows) (i32.const 3))))
      (f64.store (local.get $p) (local.get $c))
      (f64.store (i32.add (local.get $p) (i32.shl (local.get $cap) (i32.const 3))) (local.get $r))
      (f64.store (i32.add (local.get $p) (i32.shl (local.get $cap) (i32.const 4))) (local.get $rw))
      (f64.store (i32.add (local.get $p) (i32.mul (local.get $cap) (i32.const 24))) (f64.load (i32.add (global.get $ra3) (local.get $at))))
      (i32.store8 (i32.add (i32.add (local.get $rows) (i32.shl (local.get $cap) (i32.const 5))) (global.get $nRows)) (local.get $isPartner))
      (global.set $nRows (i32.add (global.get $nRows) (i32.const 1)))
      (br $tl)))
    ;; Held-out partners not reached.
    (local.set $t (i32.const 0))
    (block $md (loop $ml
      (br_if $md (i32.ge_s (local.get $t) (local.get $np)))
      (local.set $b (i32.load (i32.add (global.get $mine) (i32.shl (local.get $t) (i32.const 2)))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br_if $ml (i32.lt_s (local.get $b) (local.get $from)))
      (br_if $ml (i32.eq (i32.load (i32.add (global.get $seen) (i32.shl (local.get $b) (i32.const 2)))) (local.get $stamp)))
      (call $unreached (local.get $b) (local.get $stamp) (local.get $cap))
      (br $ml)))
    ;; The source's training neighbours and itself are not candidates.
    (local.set $p (i32.load (i32.add (global.get $offs) (i32.shl (local.get $a) (i32.const 2)))))
    (local.set $at (i32.load (i32.add (global.get $offs) (i32.shl (i32.add (local.get $a) (i32.const 1)) (i32.const 2)))))
    (block $nd (loop $nl
      (br_if $nd (i32.ge_s (local.get $p) (local.get $at)))
      (if (i32.eqz (i32.load8_u (i32.add (global.get $hid) (local.get $p))))
        (then
          (i32.store (i32.add (global.get $seen)
            (i32.shl (i32.load (i32.add (global.get $tg) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2)))
            (local.get $stamp))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $nl)))
    (i32.store (i32.add (global.get $seen) (i32.shl (local.get $a) (i32.const 2))) (local.get $stamp))
    (if (local.get $dense)
      (then
        (local.set $b (local.get $from))
        (block $fd (loop $fl
          (br_if $fd (i32.ge_s (local.get $b) (local.get $n)))
          (local.set $lb (i32.load (i32.add (global.get $label) (i32.shl (local.get $b) (i32.const 2)))))
          (if (i32.and
                (i32.ne (i32.load (i32.add (global.get $seen) (i32.shl (local.get $b) (i32.const 2)))) (local.get $stamp))
                (i32.and (i32.ge_s (local.get $lb) (i32.const 0)) (i32.ne (local.get $lb) (local.get $ga))))
            (then (call $unreached (local.get $b) (local.get $stamp) (local.get $cap))))
          (local.set $b (i32.add (local.get $b) (i32.const 1)))
          (br $fl))))
      (else
        (local.set $b (i32.add (local.get $from) (call $skip)))
        (block $gd (loop $gl
          (br_if $gd (i32.ge_s (local.get $b) (local.get $n)))
          (local.set $lb (i32.load (i32.add (global.get $label) (i32.shl (local.get $b) (i32.const 2)))))
          (if (i32.and
                (i32.ne (i32.load (i32.add (global.get $seen) (i32.shl (local.get $b) (i32.const 2)))) (local.get $stamp))
                (i32.and (i32.ge_s (local.get $lb) (i32.const 0)) (i32.ne (local.get $lb) (local.get $ga))))
            (then (call $unreached (local.get $b) (local.get $stamp) (local.get $cap))))
          (local.set $b (i32.add (local.get $b) (i32.add (i32.const 1) (call $skip))))
          (br $gl)))))
    (call $clear (local.get $reached)))
)
