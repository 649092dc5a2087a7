/**
 * The scenario file as users write it (YAML or JSON), and its transformation into the resolved
 * `Scenario` of types.ts: defaults filled in, shorthands expanded, durations in milliseconds,
 * topic references checked. `scenario.schema.json` is generated from this schema (io: 'input').
 *
 * Parse with `safeParse(data, { error: humanMessage })` (see load.ts) for readable messages.
 */
import { z } from 'zod';
import { tryParseThreshold } from '../thresholds/parse.js';
import { didYouMean } from './did-you-mean.js';
import { isValidAt, whenObject } from './partial-checks.js';
import { consumersSchema } from './schema-consumers.js';
import { checkFaultsAgainstScenario, faultsSchema } from './schema-faults.js';
import { phasesSchema } from './schema-phases.js';
import { producersSchema } from './schema-producers.js';
import { checkSweepAgainstScenario, resolveSweep, sweepSchema, type SweepFile } from './schema-sweep.js';
import { topicsSchema } from './schema-topics.js';
import type { Scenario, SweepSpec } from './types.js';

export const scenarioNamePattern = /^[a-zA-Z0-9._-]+$/;

const scenarioObject = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of scenario.schema.json, for editor help; ignored by kload.'),
    name: z
      .string()
      .regex(scenarioNamePattern, { error: 'may contain only letters, digits, ".", "_" and "-"' })
      .describe('Scenario name, used in result file names.'),
    description: z.string().default('').describe('What the scenario measures, for humans.'),
    topics: topicsSchema,
    producers: producersSchema,
    // YAML turns an empty `consumers:` into null; it means the same as leaving the block out.
    consumers: consumersSchema
      .nullable()
      .optional()
      .describe('Consumer groups that read the messages, for end-to-end latency. Omit to only produce.'),
    phases: phasesSchema,
    sweep: sweepSchema.optional(),
    // YAML turns an empty `faults:` into null; it means no faults, as leaving it out does.
    faults: faultsSchema
      .nullable()
      .optional()
      .describe(
        'Timed faults during the run, each relative to a phase: pause, kill or restart a node of a cluster kload ' +
          'started, or exec a command (any cluster). The result records each one with its times and outcome.',
      ),
    thresholds: z
      .array(
        z
          .union([
            z.string().min(1),
            // YAML reads `- steady: publish.p99 < 50ms` as a one-key mapping: take it as the phase prefix
            // it looks like.
            z
              .record(z.string(), z.string())
              .refine((m) => Object.keys(m).length === 1, 'a phase-scoped threshold is one "phase: condition" pair'),
          ])
          .transform((t) => (typeof t === 'string' ? t : `${Object.keys(t)[0]}: ${Object.values(t)[0]}`))
          .pipe(z.string().superRefine(checkThreshold)),
      )
      .default(() => [])
      .meta({
        description: 'Pass/fail conditions checked after the run.',
        examples: [['publish.p99 < 50ms', 'lost == 0', 'steady: e2e.p999 < 200ms']],
      }),
  })
  .meta({
    title: 'kload scenario',
    description: 'A load scenario for kload: topics, producers, optional consumers and phases.',
  });

type ScenarioObject = z.output<typeof scenarioObject>;

/** Parsed now, so a typo in a threshold fails `kload validate`, not the end of a long run. */
function checkThreshold(text: string, ctx: z.core.$RefinementCtx<string>): void {
  if (text === '') return; // min(1) reports that one
  const parsed = tryParseThreshold(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', input: text, message: parsed.message });
}

/** Topic references must name a declared topic; checked when the names involved parsed cleanly. */
function checkTopicReferences(file: ScenarioObject, ctx: z.core.$RefinementCtx<ScenarioObject>): void {
  // Only the names matter: a bad partition count elsewhere must not hide a bad reference.
  const { topics } = file;
  const namesValid =
    Array.isArray(topics) && topics.length > 0 && topics.every((_, i) => isValidAt(ctx.issues, ['topics', i, 'name']));
  if (!namesValid) return;
  const declared = topics.map((topic) => topic.name);
  for (const block of ['producers', 'consumers'] as const) {
    if (!isValidAt(ctx.issues, [block, 'topic'])) continue;
    const topic = file[block]?.topic;
    if (topic === undefined || declared.includes(topic)) continue;
    const suggestion = didYouMean(topic, declared);
    const hint = suggestion === undefined ? `declared topics: ${declared.join(', ')}` : `did you mean "${suggestion}"?`;
    const message = `unknown topic "${topic}" (${hint})`;
    ctx.addIssue({ code: 'custom', path: [block, 'topic'], input: topic, message });
  }
}

function resolve(file: ScenarioObject): Scenario {
  // topics has at least one entry, so the first always exists.
  const producerTopic = file.producers.topic ?? (file.topics[0] as { name: string }).name;
  const { consumers } = file;
  return {
    name: file.name,
    description: file.description,
    topics: file.topics,
    producers: { ...file.producers, topic: producerTopic },
    consumers:
      consumers === null || consumers === undefined
        ? null
        : {
            topic: consumers.topic ?? producerTopic,
            groups: consumers.groups ?? [`${file.name}-group`],
            membersPerGroup: consumers.members,
            threads: consumers.threads,
            client: consumers.client,
            properties: consumers.properties,
          },
    phases: file.phases,
    thresholds: file.thresholds,
    faults: file.faults ?? [],
    ...(file.sweep === undefined ? {} : { sweep: resolveSweepOf(file, file.sweep, producerTopic) }),
  };
}

/** The sweep's unswept dimensions take the scenario's values; topic references were checked. */
function resolveSweepOf(file: ScenarioObject, sweep: SweepFile, producerTopic: string): SweepSpec {
  const topic = file.topics.find((t) => t.name === producerTopic) as { partitions: number };
  return resolveSweep(sweep, {
    producerCount: file.producers.count,
    producerThreads: file.producers.threads,
    messageSize: file.producers.message.size,
    topicPartitions: topic.partitions,
  });
}

export const scenarioFileSchema = scenarioObject
  .superRefine(checkTopicReferences, { when: whenObject })
  .superRefine(checkSweepAgainstScenario, { when: whenObject })
  .superRefine(checkFaultsAgainstScenario, { when: whenObject })
  .transform(resolve);

/** What a user writes, before defaults. */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;
