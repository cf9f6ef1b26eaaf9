// A real call center: five months of the "Anonymous Bank" (January to May 1999) fitted by day
// type, and the fit backtested on June, a month it never saw, on the staffing June's records
// show. Data: Technion SEE Center (Ilan Guedj and Avi Mandelbaum), the records behind Brown et
// al., "Statistical analysis of a telephone call center", JASA 2005; see ../shared/realdata.
//
//   npx tsx examples/real-bank.ts [replications]
import { backtestDayTypes, busySummary, dayTypeScenarios, findDayTypes, findTeams, fitDayTypes, fitStaffing, surveyRecords, type MultiLineScenario, type PatienceFit } from '../src';
import { readCallRecords } from '../src/node';

const replications = Number(process.argv[2] ?? 400);
const folder = '../shared/realdata/anonymous-bank-1999';
const months = (names: string[]) => names.map((m) => `${folder}/${m}.txt.gz`);
const fitMonths = months(['january', 'february', 'march', 'april', 'may']);
const read = (files: string[]) => readCallRecords(files, { format: 'bank' });

// 1. A first look: which days are alike, who serves whom.
const survey = await surveyRecords(read(fitMonths).records());
const dayTypes = findDayTypes(survey);
const teams = findTeams(survey);
console.log(`day types: ${dayTypes.map((t) => t.name).join(', ')}; teams: ${Object.keys(teams).length === 0 ? 'none' : [...new Set(Object.values(teams))].join(', ')}`);

// 2. The fit: one scenario per day type; services under 10 s are agents taking a break.
const reader = read(fitMonths);
const fitted = await fitDayTypes(reader.records(), { dayTypes, teams, breakBelowSeconds: 10, name: 'Anonymous Bank' });
const r = reader.read;
console.log(`read ${r.rows.toLocaleString('en-US')} rows: ${r.records.toLocaleString('en-US')} calls; ${r.phantom} PHANTOM and ${r.vruOnly.toLocaleString('en-US')} VRU hang-ups apart, ${r.clamped.toLocaleString('en-US')} clock skews clamped`);

// 3. Staffing: the agents seen serving, times an availability fitted by simulation.
const staffed = [];
for (const type of fitted.dayTypes) {
  const { scenario, staffing } = await fitStaffing(type);
  staffed.push({ ...type, scenario, staffing });
  const ps = type.diagnostics.lines.PS!;
  const patience = ps.patience as PatienceFit;
  const chosen = patience.beside.find((c) => c.family === patience.chosen)!;
  const credit = type.credit['PS-priority'];
  const line = (scenario as MultiLineScenario).lines.find((l) => l.name === 'PS-priority');
  console.log(
    [
      `\n${type.name}: ${type.days.length} days (${type.days[0]} to ${type.days.at(-1)}), ${type.diagnostics.dailyCalls.mean.toFixed(0)} calls a day, day factor cv ${type.diagnostics.dailyCalls.dayFactorCv}`,
      `  PS patience: ${patience.chosen}, median ${chosen.medianSeconds} s; P(still waiting) at 1, 5, 10 min ${chosen.survival.map((x) => x.toFixed(3)).join(', ')} (Kaplan–Meier ${patience.checks.map((c) => c.kaplanMeier.toFixed(3)).join(', ')})`,
      `  priority callers: waiting credit ${credit ? `${credit.creditSeconds.toFixed(0)} s from ${credit.bounds} answers (${(100 * credit.agreement).toFixed(0)}% agree)` : 'none seen'}${line?.priority ? ', in the scenario' : ''}`,
      `  breaks: ${ps.breaks} of ${ps.outcomes.answered} PS services under 10 s`,
      `  staffing: ${(100 * staffing.availability).toFixed(1)}% of the agents seen serving (${(100 * staffing.low).toFixed(1)}-${(100 * staffing.high).toFixed(1)}%); mean wait ${staffing.simulatedMeanWaitSeconds.toFixed(1)} s simulated, ${staffing.observedMeanWaitSeconds.toFixed(1)} s observed`,
    ].join('\n'),
  );
}

// 4. June, never seen by the fit, on the staffing June's own records show.
const fit = dayTypeScenarios(staffed, teams, 10);
const june = await backtestDayTypes(fit, read(months(['june'])).records(), { rosterFromRecords: true, replications });
const sunThu = busySummary(june.rows.filter((row) => row.dayType === 'sun-thu'), 'PS');
const all = busySummary(june.rows, 'PS');
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
console.log(`\nJune backtest, PS busy intervals (20+ calls a day), ${replications} simulated days a type:`);
console.log(`  Sunday to Thursday: ${sunThu.intervals} intervals, ${pct(sunThu.inside)} of mean waits and abandonment inside the 95% bands, mean relative error ${pct(sunThu.meanRelativeError)}, median band width ${sunThu.medianBandWidth.toFixed(2)} of the value`);
console.log(`  every day type:     ${all.intervals} intervals, ${pct(all.inside)} inside, mean relative error ${pct(all.meanRelativeError)}, median band width ${all.medianBandWidth.toFixed(2)}`);
console.log(JSON.stringify({ example: 'real-bank', sunThu, all, staffing: staffed.map((t) => ({ dayType: t.name, ...t.staffing })) }));
