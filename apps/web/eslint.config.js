// The shared lint configuration plus eslint-plugin-vue for the single-file components.
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import base from '../../eslint.config.js';

export default tseslint.config(...base, ...pluginVue.configs['flat/recommended'], {
  files: ['**/*.vue'],
  languageOptions: {
    parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', HTMLElement: 'readonly', HTMLInputElement: 'readonly', HTMLTextAreaElement: 'readonly', HTMLDialogElement: 'readonly', HTMLProgressElement: 'readonly', File: 'readonly', Event: 'readonly' },
  },
  rules: {
    // Templates here keep long attribute lists on one line; prettier-style wrapping is not enforced.
    'vue/max-attributes-per-line': 'off',
    'vue/singleline-html-element-content-newline': 'off',
    'vue/multiline-html-element-content-newline': 'off',
    'vue/html-self-closing': 'off',
    'vue/html-indent': 'off',
    'vue/html-closing-bracket-newline': 'off',
  },
});
