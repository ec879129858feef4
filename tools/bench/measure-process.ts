import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one command cost, its node processes added up (npm and the script it starts, say). */
export interface ProcessCost {
  /** Wall time from spawn to exit (or to the moment `until` waits for), in milliseconds. */
  readonly wallMs: number;
  /** CPU time, user plus system, of every node process of the command, in milliseconds: barely moved by other load. */
  readonly cpuMs: number;
  /** Peak resident memory of its largest node process (getrusage's maxrss), in MiB. */
  readonly peakMiB: number;
}

/** One command to measure. */
export interface CommandToMeasure {
  /** Program and arguments; `node` means this node. */
  readonly argv: readonly string[];
  /** Working folder. */
  readonly cwd: string;
  /** Extra environment on top of this process's. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Stops the clock early: called as the process starts, its promise resolves at
   * the moment to time (the first STS request). The process still has to exit 0.
   * @default the clock runs until the process exits
   */
  readonly until?: () => Promise<void>;
}

/**
 * Measures commands in fresh processes. Node has no rusage for children (and
 * `/usr/bin/time` is not everywhere), so every node process of a command loads a
 * reporter (NODE_OPTIONS) that appends its own `process.resourceUsage()` to a file as
 * it exits; the costs are added up (CPU) or the largest taken (memory).
 */
export class ProcessMeter {
  private readonly reporter: string;
  private readonly usageFile: string;

  /** `workDir` holds the reporter script and the usage file. */
  constructor(workDir: string) {
    this.reporter = join(workDir, 'report-usage.js');
    this.usageFile = join(workDir, 'usage.jsonl');
    writeFileSync(
      this.reporter,
      "process.on('exit', () => require('node:fs').appendFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage()) + '\\n'));\n",
    );
  }

  /** Runs the command once and measures it; rejects if it exits non-zero. */
  async measure(command: CommandToMeasure): Promise<ProcessCost> {
    rmSync(this.usageFile, { force: true });
    const [program, ...args] = command.argv;
    const started = process.hrtime.bigint();
    const child = spawn(program === 'node' ? process.execPath : program, args, {
      cwd: command.cwd,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: '1',
        ...command.env,
        NODE_OPTIONS: `--require=${this.reporter}`,
        BENCH_USAGE_FILE: this.usageFile,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const reached = command.until?.().then(elapsed);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const exitedMs = elapsed();
    if (code !== 0) throw new Error(`${command.argv.join(' ')} exited ${code}:\n${stderr}`);
    const usages = readFileSync(this.usageFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as NodeJS.ResourceUsage);
    return {
      wallMs: reached ? await reached : exitedMs,
      cpuMs: usages.reduce((sum, usage) => sum + (usage.userCPUTime + usage.systemCPUTime) / 1000, 0),
      peakMiB: Math.max(...usages.map((usage) => usage.maxRSS / 1024)),
    };
  }

  /**
   * Medians of `runs` measurements of each command, after one unmeasured run of
   * each that warms the file cache (a developer's second run, not a cold boot).
   * The commands take turns, round after round, so a burst of load on a shared
   * machine falls on all of them alike, floors included.
   */
  async medians(commands: readonly CommandToMeasure[], runs: number): Promise<ProcessCost[]> {
    for (const command of commands) await this.measure(command);
    const costs: ProcessCost[][] = commands.map(() => []);
    for (let round = 0; round < runs; round++) {
      for (const [i, command] of commands.entries()) costs[i].push(await this.measure(command));
    }
    return costs.map((measured) => ({
      wallMs: median(measured.map((c) => c.wallMs)),
      cpuMs: median(measured.map((c) => c.cpuMs)),
      peakMiB: median(measured.map((c) => c.peakMiB)),
    }));
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
