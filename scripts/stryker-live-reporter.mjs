// A StrykerJS reporter that writes each mutant's result the moment it is tested, one JSON line each, to
// reports/mutation/live.jsonl (PASTEFIX_MUTATION_LIVE names another file). Stryker's own reports are written only
// when a run ends, and a run over src/matching takes hours on this shared machine: a run stopped early still leaves
// what it measured (scripts/mutation-summary.mjs reads these files). The first line is the plan: mutants per file.
import fs from 'node:fs';
import path from 'node:path';
import { declareFactoryPlugin, PluginKind } from '@stryker-mutator/api/plugin';

function createLiveReporter() {
  const file = process.env.PASTEFIX_MUTATION_LIVE ?? 'reports/mutation/live.jsonl';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  const write = (record) => fs.appendFileSync(file, `${JSON.stringify(record)}\n`);
  return {
    onMutationTestingPlanReady({ mutantPlans }) {
      const plan = {};
      for (const { mutant } of mutantPlans) {
        const name = path.relative(process.cwd(), mutant.fileName);
        plan[name] = (plan[name] ?? 0) + 1;
      }
      write({ plan });
    },
    onMutantTested(m) {
      const { id, mutatorName, replacement, location, status, statusReason } = m;
      write({
        id,
        file: path.relative(process.cwd(), m.fileName),
        mutatorName,
        replacement,
        location,
        status,
        statusReason,
        static: m.static,
      });
    },
  };
}
createLiveReporter.inject = [];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Reporter, 'live', createLiveReporter)];
