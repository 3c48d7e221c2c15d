;; Brandes' betweenness on Dial's bucket queue, the forward pass and the dependency pass, for
;; src/core/paths/wasm-dijkstra.ts (see there; the JavaScript twins are dijkstraBuckets and
;; accumulateDijkstra in brandes.ts: keep the three in step). Arrays are byte addresses in the
;; memory: i32 arrays indexed << 2, f64 arrays << 3. Compiled into brandes-wasm.ts by
;; scripts/wasm/build.ts. The memory is imported and shared (a SharedArrayBuffer underneath), so
;; that the worker threads of one run read one copy of the graph, each with its own region for the
;; per-node arrays (see wasm-dijkstra.ts); nothing here is atomic: the graph is only read and the
;; regions do not overlap.
(module
  (import "env" "memory" (memory 1 65536 shared))
  (global $ties (export "ties") (mut i32) (i32.const 0))
  (func (export "forward")
    (param $s i32) (param $offs i32) (param $arcs i32) (param $table i32)
    (param $dist i32) (param $sigma i32) (param $order i32) (param $pred i32) (param $predMore i32)
    (param $bucketOf i32) (param $head i32) (param $entryNode i32) (param $entryNext i32)
    (param $predNode i32) (param $predNext i32) (param $cap i32)
    (param $inverse f64) (param $mask i32) (param $shift i32) (param $tmask i32) (param $slots i32)
    (result i32)
    (local $entries i32) (local $pending i32) (local $count i32) (local $current i32) (local $pool i32)
    (local $slot i32) (local $e i32) (local $v i32) (local $first i32) (local $k i32)
    (local $dv f64) (local $sv f64) (local $p i32) (local $end i32) (local $x i32) (local $w i32)
    (local $nd f64) (local $dw f64) (local $b i32) (local $at i32) (local $wa i32) (local $ob i32)
    (f64.store (i32.add (local.get $dist) (i32.shl (local.get $s) (i32.const 3))) (f64.const 0))
    (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $s) (i32.const 3))) (f64.const 1))
    (i32.store (local.get $entryNode) (local.get $s))
    (i32.store (local.get $entryNext) (i32.const -1))
    (i32.store (local.get $head) (i32.const 0))
    (i32.store (i32.add (local.get $bucketOf) (i32.shl (local.get $s) (i32.const 2))) (i32.const 0))
    (local.set $entries (i32.const 1))
    (local.set $pending (i32.const 1))
    (block $done
      (loop $buckets
        (br_if $done (i32.le_s (local.get $pending) (i32.const 0)))
        (local.set $slot (i32.add (local.get $head) (i32.shl (i32.and (local.get $current) (local.get $mask)) (i32.const 2))))
        (local.set $e (i32.load (local.get $slot)))
        (i32.store (local.get $slot) (i32.const -1))
        (local.set $first (local.get $count))
        (block $le (loop $ll
          (br_if $le (i32.lt_s (local.get $e) (i32.const 0)))
          (local.set $v (i32.load (i32.add (local.get $entryNode) (i32.shl (local.get $e) (i32.const 2)))))
          (local.set $e (i32.load (i32.add (local.get $entryNext) (i32.shl (local.get $e) (i32.const 2)))))
          (if (i32.eq (i32.load (i32.add (local.get $bucketOf) (i32.shl (local.get $v) (i32.const 2)))) (local.get $current))
            (then
              (i32.store (i32.add (local.get $bucketOf) (i32.shl (local.get $v) (i32.const 2))) (i32.const -1))
              (i32.store (i32.add (local.get $order) (i32.shl (local.get $count) (i32.const 2))) (local.get $v))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))))
          (br $ll)))
        (local.set $pending (i32.sub (local.get $pending) (i32.sub (local.get $count) (local.get $first))))
        (local.set $k (local.get $first))
        (block $ke (loop $kl
          (br_if $ke (i32.ge_s (local.get $k) (local.get $count)))
          (local.set $v (i32.load (i32.add (local.get $order) (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $dv (f64.load (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 3)))))
          (local.set $sv (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $v) (i32.const 3)))))
          (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $v) (i32.const 2)))))
          (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $v) (i32.const 1)) (i32.const 2)))))
          (block $pe (loop $pl
            (br_if $pe (i32.ge_s (local.get $p) (local.get $end)))
            (local.set $x (i32.load (i32.add (local.get $arcs) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $w (i32.and (local.get $x) (local.get $tmask)))
            (local.set $nd (f64.add (local.get $dv) (f64.load (i32.add (local.get $table) (i32.shl (i32.shr_u (local.get $x) (local.get $shift)) (i32.const 3))))))
            (local.set $wa (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 3))))
            (local.set $dw (f64.load (local.get $wa)))
            (if (f64.lt (local.get $nd) (local.get $dw))
              (then
                (f64.store (local.get $wa) (local.get $nd))
                (f64.store (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))) (local.get $sv))
                (i32.store (i32.add (local.get $pred) (i32.shl (local.get $w) (i32.const 2))) (local.get $v))
                (i32.store (i32.add (local.get $predMore) (i32.shl (local.get $w) (i32.const 2))) (i32.const -1))
                ;; First reach: no bucket yet (bucket -1 also marks a settled node, never improved);
                ;; not dw == inf, as a pruned run starts from finite upper bounds (prefill).
                (local.set $at (i32.add (local.get $bucketOf) (i32.shl (local.get $w) (i32.const 2))))
                (local.set $ob (i32.load (local.get $at)))
                (if (i32.lt_s (local.get $ob) (i32.const 0)) (then (local.set $pending (i32.add (local.get $pending) (i32.const 1)))))
                (local.set $b (i32.trunc_f64_s (f64.mul (local.get $nd) (local.get $inverse))))
                (if (i32.le_s (local.get $b) (local.get $current)) (then (local.set $b (i32.add (local.get $current) (i32.const 1)))))
                (if (i32.ne (local.get $b) (local.get $ob))
                  (then
                    (i32.store (local.get $at) (local.get $b))
                    (local.set $at (i32.add (local.get $head) (i32.shl (i32.and (local.get $b) (local.get $mask)) (i32.const 2))))
                    (i32.store (i32.add (local.get $entryNode) (i32.shl (local.get $entries) (i32.const 2))) (local.get $w))
                    (i32.store (i32.add (local.get $entryNext) (i32.shl (local.get $entries) (i32.const 2))) (i32.load (local.get $at)))
                    (i32.store (local.get $at) (local.get $entries))
                    (local.set $entries (i32.add (local.get $entries) (i32.const 1))))))
              (else
                (if (f64.eq (local.get $nd) (local.get $dw))
                  (then
                    (local.set $at (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))))
                    (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $sv)))
                    (if (i32.lt_s (local.get $pool) (local.get $cap))
                      (then
                        (i32.store (i32.add (local.get $predNode) (i32.shl (local.get $pool) (i32.const 2))) (local.get $v))
                        (local.set $at (i32.add (local.get $predMore) (i32.shl (local.get $w) (i32.const 2))))
                        (i32.store (i32.add (local.get $predNext) (i32.shl (local.get $pool) (i32.const 2))) (i32.load (local.get $at)))
                        (i32.store (local.get $at) (local.get $pool))))
                    (local.set $pool (i32.add (local.get $pool) (i32.const 1)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kl)))
        (local.set $current (i32.add (local.get $current) (i32.const 1)))
        (br $buckets)))
    (memory.fill (local.get $head) (i32.const 255) (i32.shl (local.get $slots) (i32.const 2)))
    (global.set $ties (local.get $pool))
    (local.get $count))
;; Distances only (weighted closeness and harmonic, see distanceSums in closeness.ts, and
  ;; ChainRunner's distances mode): `forward` without path counts and predecessors, the same queue,
  ;; the same steps, so the same distances and settling order. NOTE: keep the relax step in step with
  ;; forward's (and with dijkstraSumsBuckets in closeness.ts).
  (func (export "distances")
    (param $s i32) (param $offs i32) (param $arcs i32) (param $table i32)
    (param $dist i32) (param $order i32) (param $bucketOf i32) (param $head i32) (param $entryNode i32) (param $entryNext i32)
    (param $inverse f64) (param $mask i32) (param $shift i32) (param $tmask i32) (param $slots i32)
    (result i32)
    (local $entries i32) (local $pending i32) (local $count i32) (local $current i32)
    (local $slot i32) (local $e i32) (local $v i32) (local $first i32) (local $k i32)
    (local $dv f64) (local $p i32) (local $end i32) (local $x i32) (local $w i32)
    (local $nd f64) (local $b i32) (local $at i32) (local $wa i32) (local $ob i32)
    (f64.store (i32.add (local.get $dist) (i32.shl (local.get $s) (i32.const 3))) (f64.const 0))
    (i32.store (local.get $entryNode) (local.get $s))
    (i32.store (local.get $entryNext) (i32.const -1))
    (i32.store (local.get $head) (i32.const 0))
    (i32.store (i32.add (local.get $bucketOf) (i32.shl (local.get $s) (i32.const 2))) (i32.const 0))
    (local.set $entries (i32.const 1))
    (local.set $pending (i32.const 1))
    (block $done
      (loop $buckets
        (br_if $done (i32.le_s (local.get $pending) (i32.const 0)))
        (local.set $slot (i32.add (local.get $head) (i32.shl (i32.and (local.get $current) (local.get $mask)) (i32.const 2))))
        (local.set $e (i32.load (local.get $slot)))
        (i32.store (local.get $slot) (i32.const -1))
        (local.set $first (local.get $count))
        (block $le (loop $ll
          (br_if $le (i32.lt_s (local.get $e) (i32.const 0)))
          (local.set $v (i32.load (i32.add (local.get $entryNode) (i32.shl (local.get $e) (i32.const 2)))))
          (local.set $e (i32.load (i32.add (local.get $entryNext) (i32.shl (local.get $e) (i32.const 2)))))
          (if (i32.eq (i32.load (i32.add (local.get $bucketOf) (i32.shl (local.get $v) (i32.const 2)))) (local.get $current))
            (then
              (i32.store (i32.add (local.get $bucketOf) (i32.shl (local.get $v) (i32.const 2))) (i32.const -1))
              (i32.store (i32.add (local.get $order) (i32.shl (local.get $count) (i32.const 2))) (local.get $v))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))))
          (br $ll)))
        (local.set $pending (i32.sub (local.get $pending) (i32.sub (local.get $count) (local.get $first))))
        (local.set $k (local.get $first))
        (block $ke (loop $kl
          (br_if $ke (i32.ge_s (local.get $k) (local.get $count)))
          (local.set $v (i32.load (i32.add (local.get $order) (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $dv (f64.load (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 3)))))
          (local.set $p (i32.load (i32.add (local.get $offs) (i32.shl (local.get $v) (i32.const 2)))))
          (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $v) (i32.const 1)) (i32.const 2)))))
          (block $pe (loop $pl
            (br_if $pe (i32.ge_s (local.get $p) (local.get $end)))
            (local.set $x (i32.load (i32.add (local.get $arcs) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $w (i32.and (local.get $x) (local.get $tmask)))
            (local.set $nd (f64.add (local.get $dv) (f64.load (i32.add (local.get $table) (i32.shl (i32.shr_u (local.get $x) (local.get $shift)) (i32.const 3))))))
            (local.set $wa (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 3))))
            (if (f64.lt (local.get $nd) (f64.load (local.get $wa)))
              (then
                (f64.store (local.get $wa) (local.get $nd))
                (local.set $at (i32.add (local.get $bucketOf) (i32.shl (local.get $w) (i32.const 2))))
                (local.set $ob (i32.load (local.get $at)))
                (if (i32.lt_s (local.get $ob) (i32.const 0)) (then (local.set $pending (i32.add (local.get $pending) (i32.const 1)))))
                (local.set $b (i32.trunc_f64_s (f64.mul (local.get $nd) (local.get $inverse))))
                (if (i32.le_s (local.get $b) (local.get $current)) (then (local.set $b (i32.add (local.get $current) (i32.const 1)))))
                (if (i32.ne (local.get $b) (local.get $ob))
                  (then
                    (i32.store (local.get $at) (local.get $b))
                    (local.set $at (i32.add (local.get $head) (i32.shl (i32.and (local.get $b) (local.get $mask)) (i32.const 2))))
                    (i32.store (i32.add (local.get $entryNode) (i32.shl (local.get $entries) (i32.const 2))) (local.get $w))
                    (i32.store (i32.add (local.get $entryNext) (i32.shl (local.get $entries) (i32.const 2))) (i32.load (local.get $at)))
                    (i32.store (local.get $at) (local.get $entries))
                    (local.set $entries (i32.add (local.get $entries) (i32.const 1)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $pl)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kl)))
        (local.set $current (i32.add (local.get $current) (i32.const 1)))
        (br $buckets)))
    (memory.fill (local.get $head) (i32.const 255) (i32.shl (local.get $slots) (i32.const 2)))
    (local.get $count))
  ;; A distance run's summary, then its nodes back to unreached: the sum of dist over order[1..count)
  ;; (settling order, the source left out) is returned, the sum of 1 / dist is left in $harmonic, and
  ;; dist is Infinity again for every settled node.
  (global $harmonic (export "harmonic") (mut f64) (f64.const 0))
  (func (export "sumDistances") (param $count i32) (param $order i32) (param $dist i32) (result f64)
    (local $k i32) (local $at i32) (local $d f64) (local $total f64) (local $inv f64)
    (local.set $k (i32.const 1))
    (block $done (loop $l
      (br_if $done (i32.ge_s (local.get $k) (local.get $count)))
      (local.set $at (i32.add (local.get $dist) (i32.shl (i32.load (i32.add (local.get $order) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
      (local.set $d (f64.load (local.get $at)))
      (f64.store (local.get $at) (f64.const inf))
      (local.set $total (f64.add (local.get $total) (local.get $d)))
      (local.set $inv (f64.add (local.get $inv) (f64.div (f64.const 1) (local.get $d))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (if (i32.gt_s (local.get $count) (i32.const 0))
      (then (f64.store (i32.add (local.get $dist) (i32.shl (i32.load (local.get $order)) (i32.const 3))) (f64.const inf))))
    (global.set $harmonic (local.get $inv))
    (local.get $total))
  ;; Dependencies in reverse settling order over the recorded predecessors (push form):
  ;; c = (1 + delta[w]) / sigma[w]; delta[v] += sigma[v] c for each predecessor v of w. delta[w] is
  ;; final when w's turn comes (its successors settled later), so it is added to out[w] there (each
  ;; node once; the source's own is not a dependency) and w is put back to unreached: dist Infinity,
  ;; delta 0 (bucketOf was reset when w settled; sigma, pred and predMore are written on first reach).
  (func (export "accumulate")
    (param $count i32) (param $order i32) (param $sigma i32) (param $delta i32)
    (param $pred i32) (param $predMore i32) (param $predNode i32) (param $predNext i32)
    (param $dist i32) (param $out i32)
    (local $k i32) (local $w i32) (local $c f64) (local $u i32) (local $e i32) (local $at i32) (local $dw f64)
    (local.set $k (i32.sub (local.get $count) (i32.const 1)))
    (block $done (loop $back
      (br_if $done (i32.le_s (local.get $k) (i32.const 0)))
      (local.set $w (i32.load (i32.add (local.get $order) (i32.shl (local.get $k) (i32.const 2)))))
      (local.set $at (i32.add (local.get $delta) (i32.shl (local.get $w) (i32.const 3))))
      (local.set $dw (f64.load (local.get $at)))
      (f64.store (local.get $at) (f64.const 0))
      (f64.store (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 3))) (f64.const inf))
      (local.set $at (i32.add (local.get $out) (i32.shl (local.get $w) (i32.const 3))))
      (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $dw)))
      (local.set $c (f64.div
        (f64.add (f64.const 1) (local.get $dw))
        (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $w) (i32.const 3))))))
      (local.set $u (i32.load (i32.add (local.get $pred) (i32.shl (local.get $w) (i32.const 2)))))
      (local.set $at (i32.add (local.get $delta) (i32.shl (local.get $u) (i32.const 3))))
      (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
        (f64.mul (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $u) (i32.const 3)))) (local.get $c))))
      (local.set $e (i32.load (i32.add (local.get $predMore) (i32.shl (local.get $w) (i32.const 2)))))
      (block $pe (loop $pl
        (br_if $pe (i32.lt_s (local.get $e) (i32.const 0)))
        (local.set $u (i32.load (i32.add (local.get $predNode) (i32.shl (local.get $e) (i32.const 2)))))
        (local.set $at (i32.add (local.get $delta) (i32.shl (local.get $u) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
          (f64.mul (f64.load (i32.add (local.get $sigma) (i32.shl (local.get $u) (i32.const 3)))) (local.get $c))))
        (local.set $e (i32.load (i32.add (local.get $predNext) (i32.shl (local.get $e) (i32.const 2)))))
        (br $pl)))
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br $back)))
    ;; The source: back to unreached too.
    (local.set $w (i32.load (local.get $order)))
    (f64.store (i32.add (local.get $delta) (i32.shl (local.get $w) (i32.const 3))) (f64.const 0))
    (f64.store (i32.add (local.get $dist) (i32.shl (local.get $w) (i32.const 3))) (f64.const inf)))
  ;; Pivot pruning (brandes-chain.ts): the arcs x -> y of the graph that the distances `pivot` (f32,
  ;; from a source p near the next source s) cannot rule out of s's shortest paths, copied in row order
  ;; to outOffs (n + 1) / outArcs: kept iff pivot[x] + len - pivot[y] <= tau, where tau = 2 d(p, s)
  ;; plus a margin for rounding (d_s(x) >= d_p(x) - d(p, s) and d_s(y) <= d_p(y) + d(s, p) on a
  ;; symmetric graph, so a dropped arc's offer to y exceeds d_s(y)). Branch-free: every arc is written
  ;; and the write position advances only when the arc is kept. In the same pass, the run's starting
  ;; distances: dist[x] = pivot[x] + add, upper bounds on d_s(x) when add is d(p, s) plus the margin,
  ;; so that offers above them, which cannot be final, never enter the queue (unreached nodes stay
  ;; Infinity; the dependency pass puts the settled ones back to Infinity). Returns the arcs kept.
  (func (export "prune")
    (param $n i32) (param $offs i32) (param $arcs i32) (param $table i32) (param $shift i32) (param $tmask i32)
    (param $pivot i32) (param $tau f64) (param $outOffs i32) (param $outArcs i32) (param $dist i32) (param $add f64) (result i32)
    (local $x i32) (local $p i32) (local $end i32) (local $k i32) (local $a i32) (local $dx f64) (local $px f64)
    (i32.store (local.get $outOffs) (i32.const 0))
    (local.set $p (i32.load (local.get $offs)))
    (block $xd (loop $xl
      (br_if $xd (i32.ge_s (local.get $x) (local.get $n)))
      (local.set $px (f64.promote_f32 (f32.load (i32.add (local.get $pivot) (i32.shl (local.get $x) (i32.const 2))))))
      (f64.store (i32.add (local.get $dist) (i32.shl (local.get $x) (i32.const 3))) (f64.add (local.get $px) (local.get $add)))
      (local.set $dx (f64.sub (local.get $px) (local.get $tau)))
      (local.set $end (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $x) (i32.const 1)) (i32.const 2)))))
      (block $pd (loop $pl
        (br_if $pd (i32.ge_s (local.get $p) (local.get $end)))
        (local.set $a (i32.load (i32.add (local.get $arcs) (i32.shl (local.get $p) (i32.const 2)))))
        (i32.store (i32.add (local.get $outArcs) (i32.shl (local.get $k) (i32.const 2))) (local.get $a))
        (local.set $k (i32.add (local.get $k)
          (f64.le
            (f64.add (local.get $dx) (f64.load (i32.add (local.get $table) (i32.shl (i32.shr_u (local.get $a) (local.get $shift)) (i32.const 3)))))
            (f64.promote_f32 (f32.load (i32.add (local.get $pivot) (i32.shl (i32.and (local.get $a) (local.get $tmask)) (i32.const 2))))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pl)))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (i32.store (i32.add (local.get $outOffs) (i32.shl (local.get $x) (i32.const 2))) (local.get $k))
      (br $xl)))
    (local.get $k))
  ;; A source's distances kept as a pivot: out[v] = dist[v] rounded to Float32 (to nearest, as a
  ;; Float32Array's set does), for v < n.
  (func (export "demote") (param $n i32) (param $dist i32) (param $out i32)
    (local $v i32)
    (block $vd (loop $vl
      (br_if $vd (i32.ge_s (local.get $v) (local.get $n)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $v) (i32.const 2)))
        (f32.demote_f64 (f64.load (i32.add (local.get $dist) (i32.shl (local.get $v) (i32.const 3))))))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $vl))))
)
