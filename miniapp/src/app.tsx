import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { CareModeProvider } from './hooks/useCareMode';
import { MeProvider } from './hooks/useMe';
import { captureShareTicket } from './services/councilChannel';
import { installPrivacyListener } from './services/privacy';
import './app.css';

if (process.env.TARO_ENV === 'h5') {
  // Browser-only chrome (Taro's H5 navigation bar and tab bar); dropped from the weapp build.
  require('./styles/h5.css');
}

/** App root: every page renders inside the 长辈版 provider and knows who is signed in (useMe). */
function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    if (process.env.TARO_ENV === 'weapp') {
      installPrivacyListener();
      captureShareTicket(options ?? Taro.getLaunchOptionsSync());
    }
    if (process.env.TARO_ENV === 'h5') {
      // The router creates the bar while the first page mounts; label it as soon as it exists.
      const { labelH5NavigationBar } = require('./styles/h5-chrome') as typeof import('./styles/h5-chrome');
      let tries = 0;
      const tick = () => {
        if (!labelH5NavigationBar() && tries++ < 50) setTimeout(tick, 100);
      };
      tick();
    }
  });
  useDidShow((options) => {
    // Coming back to the app from another group's share card brings a new ticket.
    if (process.env.TARO_ENV === 'weapp') captureShareTicket(options);
  });
  return (
    <CareModeProvider>
      <MeProvider>{children}</MeProvider>
    </CareModeProvider>
  );
}

export default App;
