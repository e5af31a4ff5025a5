const nx = require('@nx/eslint-plugin');

// Who may import whom. Apps import libraries, never each other; domain libraries import nothing
// framework-bound; contracts stand alone; only tests reach for libs/testing.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:nest', 'type:util', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:nest', onlyDependOnLibsWithTags: ['type:nest', 'type:util', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'mysql2', 'mysql2/*', 'class-validator', 'class-transformer', 'express'],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:nest', 'type:util', 'type:contracts', 'type:domain'] },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:app', 'type:testing', 'type:nest', 'type:util', 'type:contracts', 'type:domain'],
  },
  // tools/ (launcher, migrations job, document generators) read the apps' manifests and seeds
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:app', 'type:testing', 'type:nest', 'type:util', 'type:contracts', 'type:domain'],
  },
  // Who may import whose code: a service's own projects and the shared ones; only the platform-wide
  // projects (cross-service tests, tools) see every service.
  ...['ticketing', 'entitlements', 'sla', 'knowledge-base'].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: [
      'scope:platform',
      'scope:shared',
      'scope:ticketing',
      'scope:entitlements',
      'scope:sla',
      'scope:knowledge-base',
    ],
  },
];

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/test/**/*.ts'];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', 'tmp', 'var', '**/*.js'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // environment classes spell out `: number` so decorator metadata lets class-transformer convert
      '@typescript-eslint/no-inferrable-types': 'off',
      // sanitisers and validators must name control characters to reject them
      'no-control-regex': 'off',
    },
  },
  {
    // tests may use the testing library on top of what their project may import
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: depConstraints.map((c) => ({ ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] })),
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
