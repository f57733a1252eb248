/**
 * The NutUI React Taro components this app uses, each imported from its own folder with its own
 * stylesheet. Never import '@nutui/nutui-react-taro' (the barrel) or its full style.css: that adds
 * every component (~235 KB of CSS alone) to the weapp main package.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
