import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { queuecast } from '../support/cli';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-staff-'));

// A short morning with a callback: four half hours, 10 to 25 agents.
const morning = join(workdir, 'morning.yaml');
writeFileSync(
  morning,
  `name: A short morning
seed: 4
arrivals: { intervalSeconds: 1800, perInterval: [60, 140, 180, 100] }
agents: 1
handleTime: { type: exponential, meanSeconds: 240 }
patience: { type: exponential, meanSeconds: 200 }
callback: { offer: always, optIn: { probability: 0.2 } }
`,
);

describe('queuecast staff --simulate', () => {
  it('prints the simulated roster beside Erlang A\'s with the achieved figure, and writes the scenario and the report', async () => {
    const staffed = join(workdir, 'staffed.yaml');
    const html = join(workdir, 'staffing.html');
    const { code, stdout, stderr } = await queuecast('staff', morning, '--simulate', '--service-level', '0.8', '--within', '1m', '-r', '12', '--workers', '1', '--write', staffed, '--out', html);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('A short morning: agents needed per interval, by simulation and by Erlang A');
    expect(stdout).toMatch(/from start\s+calls\s+target\s+Erlang A\s+in time\s+simulated\s+in time/);
    // Four half hours, each with both rosters and the achieved service level ± its half-width.
    expect(stdout.match(/^\d:\d\d–\d:\d\d\s+[\d.,]+\s+≥ 80\.0%\s+\d+\s+[\d.]+%!?\s+\d+\s+[\d.]+% ± [\d.]+%/gm)).toHaveLength(4);
    expect(stdout).toMatch(/agent-hours: [\d.,]+ simulated, [\d.,]+ by Erlang A/);
    const scenario = parse(readFileSync(staffed, 'utf8')) as { serviceLevelSeconds: number; agents: { intervalSeconds: number; perInterval: number[] } };
    expect(scenario.serviceLevelSeconds).toBe(60);
    expect(scenario.agents.intervalSeconds).toBe(1800);
    expect(scenario.agents.perInterval).toHaveLength(4);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('data-chart="rosters"');
    expect(page).toContain('data-chart="achieved"');
    expect(page).toContain('<svg');
    expect(page).toContain('Agent-hours by Erlang A');
  });

  it('exits 2 on options the search cannot use, naming them', async () => {
    const noPatience = join(workdir, 'patient.yaml');
    writeFileSync(noPatience, 'arrivals: { perHour: 100 }\nagents: 10\ndurationSeconds: 3600\nhandleTime: { type: exponential, meanSeconds: 200 }\n');
    const { code, stderr } = await queuecast('staff', noPatience, '--simulate', '--abandonment', '0.05');
    expect(code).toBe(2);
    expect(stderr).toContain('target.probAbandon: expected a serviceLevel or meanWaitSeconds target: line main has no patience');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
