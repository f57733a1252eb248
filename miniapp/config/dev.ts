import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `pnpm dev:h5` serves the app on :10086 and passes /api to the API server
    // (TARO_APP_DEV_API, default http://127.0.0.1:3000), so the H5 code calls same-origin /api as in production.
    devServer: {
      port: 10086,
      host: '127.0.0.1',
      historyApiFallback: true,
      proxy: [{ context: ['/api'], target: process.env.TARO_APP_DEV_API ?? 'http://127.0.0.1:3000', changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
