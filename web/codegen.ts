import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the server's committed schema: a schema change that breaks
// a query fails `npm run build` (codegen validates, then tsc checks the uses).
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Long: 'number', Upload: 'File' },
      },
    },
  },
  silent: true,
};
export default config;
