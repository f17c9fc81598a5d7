/** Dependencies point one way: apps -> libs, never app -> app, never lib -> app. */
module.exports = {
  forbidden: [
    {
      name: 'app-imports-another-app',
      severity: 'error',
      comment: 'Services talk only over Kafka; shared code goes to libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-imports-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-stay-pure',
      severity: 'error',
      comment: 'Contracts import no other lib.',
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/(?!contracts/)' },
    },
    {
      name: 'wire-formats-do-no-io',
      severity: 'error',
      from: { path: '^libs/wire-formats/' },
      to: { path: '^(libs/(kafka|database|search)/|node_modules/(kafkajs|pg|typeorm|@elastic))' },
    },
    {
      name: 'enrichment-data-only-where-enriching',
      severity: 'error',
      comment:
        'libs/enrichment loads its NLP model (compromise) and country data at import (~9 MB of heap, ~25 MB RSS); ' +
        'only the enricher and the tools need it at run time. Types are free.',
      from: { path: '^(apps/(api|indexer|ingest)|libs/(?!enrichment/))' },
      to: { path: '^libs/enrichment/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)(dist|node_modules|\\.infra)/' },
  },
};
