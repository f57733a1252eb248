/**
 * Unit tests (jsdom). Taro's runtime, components and NutUI are replaced by small mocks in
 * __mocks__/ so components render as plain DOM; the real build is exercised by the browser test
 * (e2e/, `pnpm test:browser`).
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          jsx: 'react-jsx',
          module: 'commonjs',
          esModuleInterop: true,
          target: 'ES2019',
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/__mocks__/taro.ts',
    '^@tarojs/components$': '<rootDir>/__mocks__/taro-components.tsx',
    '^(.*/)nutui$': '<rootDir>/__mocks__/nutui.tsx',
    '^@village/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.(css|scss)$': '<rootDir>/__mocks__/style.ts',
  },
  clearMocks: true,
};
