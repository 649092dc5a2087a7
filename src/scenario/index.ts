/** The scenario module: load and validate scenario files into the resolved `Scenario`. */
export { loadScenario, parseScenario, validateScenarioFiles, type ScenarioFileReport } from './load.js';
export { scenarioFileSchema, type ScenarioFile } from './schema.js';
export type * from './types.js';
