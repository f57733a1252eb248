/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** API origin; '' means same origin (H5 served by the API server). Set at build time. */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
  }
}
