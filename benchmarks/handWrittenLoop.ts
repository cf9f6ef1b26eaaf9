import alea from 'seedrandom/lib/alea.js';

/**
 * The baseline: the reference model (M/M/c+M) as a minimal hand-written loop, written as a
 * performance-minded programmer would without a library: one binary heap on typed arrays,
 * a ring-buffer hold queue, lazy abandonment timers, nothing allocated per event. It counts
 * callers and waits, nothing else. The library's run() must come close to it.
 */
export function handWrittenLoop(options: {
  callers: number;
  arrivalsPerHour: number;
  agents: number;
  meanHandleSeconds: number;
  meanPatienceSeconds: number;
  seed: number;
}): { events: number; answered: number; abandoned: number; totalWaitSeconds: number } {
  const { callers, agents } = options;
  const arrivalMean = 3600 / options.arrivalsPerHour;
  const arrivalsRng = alea(`baseline:${options.seed}:arrivals`);
  const handleRng = alea(`baseline:${options.seed}:handle`);
  const patienceRng = alea(`baseline:${options.seed}:patience`);

  let capacity = 1024;
  let times = new Float64Array(capacity);
  let seqs = new Float64Array(capacity);
  let kinds = new Int32Array(capacity);
  let subjects = new Int32Array(capacity);
  let size = 0;
  let sequence = 0;

  // Callers: slot arrays, recycled.
  let slotCapacity = 1024;
  let arrival = new Float64Array(slotCapacity);
  let handle = new Float64Array(slotCapacity);
  let state = new Uint8Array(slotCapacity); // 0 free, 1 waiting, 2 served, 3 abandoned in queue
  let generation = new Int32Array(slotCapacity);
  let freeSlots = new Int32Array(slotCapacity);
  let freeCount = 0;
  for (let i = slotCapacity - 1; i >= 0; i--) freeSlots[freeCount++] = i;

  let queue = new Int32Array(1024);
  let head = 0;
  let queued = 0;

  const push = (time: number, kind: number, subject: number) => {
    if (size === capacity) {
      capacity *= 2;
      const t = new Float64Array(capacity); t.set(times); times = t;
      const s = new Float64Array(capacity); s.set(seqs); seqs = s;
      const k = new Int32Array(capacity); k.set(kinds); kinds = k;
      const j = new Int32Array(capacity); j.set(subjects); subjects = j;
    }
    const seq = sequence++;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! < time || (times[p] === time && seqs[p]! < seq)) break;
      times[i] = times[p]!; seqs[i] = seqs[p]!; kinds[i] = kinds[p]!; subjects[i] = subjects[p]!;
      i = p;
    }
    times[i] = time; seqs[i] = seq; kinds[i] = kind; subjects[i] = subject;
  };

  let popTime = 0;
  let popKind = 0;
  let popSubject = 0;
  const pop = () => {
    popTime = times[0]!; popKind = kinds[0]!; popSubject = subjects[0]!;
    const last = --size;
    if (last === 0) return;
    const t = times[last]!, s = seqs[last]!, k = kinds[last]!, j = subjects[last]!;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
      if (t < times[c]! || (t === times[c] && s < seqs[c]!)) break;
      times[i] = times[c]!; seqs[i] = seqs[c]!; kinds[i] = kinds[c]!; subjects[i] = subjects[c]!;
      i = c;
    }
    times[i] = t; seqs[i] = s; kinds[i] = k; subjects[i] = j;
  };

  const takeSlot = () => {
    if (freeCount === 0) {
      const old = slotCapacity;
      slotCapacity *= 2;
      const a = new Float64Array(slotCapacity); a.set(arrival); arrival = a;
      const h = new Float64Array(slotCapacity); h.set(handle); handle = h;
      const st = new Uint8Array(slotCapacity); st.set(state); state = st;
      const g = new Int32Array(slotCapacity); g.set(generation); generation = g;
      freeSlots = new Int32Array(slotCapacity);
      for (let i = slotCapacity - 1; i >= old; i--) freeSlots[freeCount++] = i;
    }
    return freeSlots[--freeCount]!;
  };
  const releaseSlot = (slot: number) => {
    state[slot] = 0;
    generation[slot]!++;
    freeSlots[freeCount++] = slot;
  };

  const ARRIVAL = 0, DEPARTURE = 1, ABANDON = 2;
  let busy = 0, arrived = 0, answered = 0, abandoned = 0, events = 0, totalWait = 0;
  push(-arrivalMean * Math.log(1 - arrivalsRng()), ARRIVAL, 0);
  while (size > 0) {
    pop();
    events++;
    const now = popTime;
    if (popKind === ARRIVAL) {
      arrived++;
      const slot = takeSlot();
      arrival[slot] = now;
      handle[slot] = -options.meanHandleSeconds * Math.log(1 - handleRng());
      const patience = -options.meanPatienceSeconds * Math.log(1 - patienceRng());
      if (busy < agents) {
        busy++; answered++; state[slot] = 2;
        push(now + handle[slot]!, DEPARTURE, slot);
      } else {
        state[slot] = 1;
        if (queued === queue.length) {
          const q = new Int32Array(queue.length * 2);
          for (let i = 0; i < queued; i++) q[i] = queue[(head + i) & (queue.length - 1)]!;
          queue = q; head = 0;
        }
        queue[(head + queued++) & (queue.length - 1)] = slot;
        push(now + patience, ABANDON, slot * 64 + (generation[slot]! & 63));
      }
      if (arrived < callers) push(now - arrivalMean * Math.log(1 - arrivalsRng()), ARRIVAL, 0);
    } else if (popKind === DEPARTURE) {
      releaseSlot(popSubject);
      busy--;
      while (queued > 0) {
        const slot = queue[head]!;
        head = (head + 1) & (queue.length - 1);
        queued--;
        if (state[slot] === 3) { releaseSlot(slot); continue; }
        busy++; answered++; state[slot] = 2;
        totalWait += now - arrival[slot]!;
        push(now + handle[slot]!, DEPARTURE, slot);
        break;
      }
    } else {
      const slot = popSubject >> 6;
      if (state[slot] === 1 && (generation[slot]! & 63) === (popSubject & 63)) {
        state[slot] = 3;
        abandoned++;
        totalWait += now - arrival[slot]!;
      }
    }
  }
  return { events, answered, abandoned, totalWaitSeconds: totalWait };
}
