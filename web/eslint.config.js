// Lint for what the type checker does not see: the rules of hooks (a hook called
// conditionally, an effect that reads a value it does not list).
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/gql/**', 'dist/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Warned: four dialogs load on open only, by design (their loaders are not memoized).
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
