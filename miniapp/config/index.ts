import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build configuration (webpack5 runner).
 *
 * - Each platform writes to its own folder: `dist/weapp` (WeChat DevTools reads it through
 *   project.config.json) and `dist/h5` (served by the API server at `/`).
 * - designWidth 375: `18px` in our styles becomes `36rpx` in weapp, i.e. 18 CSS px on a
 *   375-wide phone; on H5 px stay px (targetUnit 'px'), so a size written here is what the
 *   villager sees in the browser.
 * - NutUI's own px values (selectors starting `nut-`) are left alone, as NutUI's template does.
 */
const taroEnv = process.env.TARO_ENV ?? 'weapp';

/** @village/shared is ES2017 CommonJS outside src/: run it through Babel like our own code. */
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');

/** Where the API lives. H5 is served by the API server itself, so same-origin `/api` works. */
const apiBase = process.env.TARO_APP_API_BASE ?? (taroEnv === 'h5' ? '' : 'http://localhost:3000');

export default defineConfig<'webpack5'>(async (merge, { command, mode }) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'village-council-miniapp',
    date: '2026-11-25',
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT: a second build beside the usual one (two people testing at once).
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${taroEnv}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling caches dependencies in node_modules/.taro and has known problems with
      // libraries that import CSS (NutUI); a plain build is fast enough for this app.
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // Component stylesheets use their own class names, so the order they are merged in does not
      // matter; without this, mini-css-extract-plugin warns about "conflicting order".
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: {
          enable: true,
          config: { selectorBlackList: ['nut-'] },
        },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: {
          enable: true,
          // postcss-pxtransform supports 'px' for H5 (px stay px); Taro's typings list only rpx/vw/rem.
          config: { selectorBlackList: ['nut-'], ...({ targetUnit: 'px' } as object) },
        },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development' || (command === 'build' && mode === 'development')) {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
