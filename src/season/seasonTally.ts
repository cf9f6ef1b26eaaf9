import { QuantileSketch } from '../metrics';
import { QuietObserver } from '../model';

/**
 * What a season needs of its days beyond their reports: the hold of every counted call that
 * held, in one sketch per line (a season's percentiles are of all its calls, which days'
 * percentiles cannot give), and how many people each day numbered (first calls, counted or not).
 */
export class SeasonTally extends QuietObserver {
  readonly sketches: QuantileSketch[];
  /** First calls of the day being run. */
  firstCalls = 0;

  constructor(lines: number) {
    super();
    this.sketches = Array.from({ length: lines }, () => new QuantileSketch());
  }

  override arrival(_time: number, _callerId: number, _line: number, attempt: number): void {
    if (attempt === 1) this.firstCalls++;
  }
  override answered(time: number, _callerId: number, arrivalTime: number, line: number, _group: number, counted: boolean): void {
    if (counted) this.sketches[line]!.add(time - arrivalTime);
  }
  override abandoned(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    if (counted) this.sketches[line]!.add(time - arrivalTime);
  }
  override balked(_time: number, _callerId: number, _arrivalTime: number, _estimatedWaitSeconds: number, line: number, counted: boolean): void {
    if (counted) this.sketches[line]!.add(0);
  }
  override closed(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    if (counted) this.sketches[line]!.add(time - arrivalTime);
  }
}
