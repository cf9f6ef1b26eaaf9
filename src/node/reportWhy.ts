// Why a comparison reads the way it does, said beside its numbers: a callback makes mean hold
// and abandonment rise while the hours on hold fall, which reads as a contradiction.
import type { Comparison } from '../experiment';
import { COUNT, HOURS, plain } from './reportFormat';

/**
 * The sentence that explains a comparison in which mean hold or abandonment rises while the
 * total hours on hold fall, or `undefined` when they do not. Both are shares of the callers who
 * held: the callers who took a callback no longer hold, so they leave the denominator, and
 * those still holding wait longer, the agents now also serving the callbacks.
 */
export function whyItReadsThatWay(comparison: Comparison): string | undefined {
  const { difference: d, variant } = comparison;
  const takers = variant.callback.accepted;
  const rising = [d.hold.meanSeconds.mean > 0 ? 'mean hold' : undefined, d.abandonment.fraction.mean > 0 ? 'abandonment' : undefined].filter((x): x is string => x !== undefined);
  if (!(d.hold.totalHoldHours.mean < 0 && takers.mean > 0 && rising.length > 0)) return undefined;
  const both = rising.length > 1;
  return (
    `Why ${rising.join(' and ')} ${both ? 'rise' : 'rises'} while hold hours fall: the ${plain(takers, COUNT)} callers who took a callback no longer hold, ` +
    `so they leave the denominator (the calls that held) of ${both ? 'both figures' : 'the figure'}; those still holding wait longer, the agents now also serving the callbacks. ` +
    `Hold hours count everyone's hold, and fall by ${plain({ ...d.hold.totalHoldHours, mean: -d.hold.totalHoldHours.mean }, HOURS)} h.`
  );
}
