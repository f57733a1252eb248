import { Button as NativeButton, Text, View } from '@tarojs/components';
import { pressProps, roleProps } from '../../../components/a11y';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { canOpenWechatPrivacyContract, openWechatPrivacyContract, PRIVACY_AGREE_BUTTON_ID } from '../../../services/privacy';
import './PrivacyNotice.css';

const m = messages.privacy;

/**
 * The privacy notice in plain words (PIPL art. 17): what is collected, why, who sees it, how to
 * see and correct it. With `onAgree`, it ends with 同意 / 不同意; `wechatAgree` makes 同意 WeChat's
 * own `agreePrivacyAuthorization` button (weapp), which also satisfies WeChat's privacy check.
 */
export function PrivacyNotice({
  version,
  onAgree,
  onDisagree,
  wechatAgree,
  busy,
  testId,
}: {
  version: string | null;
  onAgree?: () => void;
  onDisagree?: () => void;
  wechatAgree?: boolean;
  busy?: boolean;
  testId?: string;
}) {
  return (
    <View className="privacy" data-testid={testId ?? 'privacy-notice'}>
      <Text className="privacy__heading" {...roleProps('heading')} aria-level={1}>
        {m.heading}
      </Text>
      {version ? <Text className="privacy__version">{m.version(version)}</Text> : null}
      <Text className="privacy__para">{m.intro}</Text>
      {m.sections.map((section) => (
        <View className="privacy__section" key={section.title}>
          <Text className="privacy__title" {...roleProps('heading')} aria-level={2}>
            {section.title}
          </Text>
          {section.lines.map((line) => (
            <Text className="privacy__para" key={line}>
              {line}
            </Text>
          ))}
        </View>
      ))}
      {canOpenWechatPrivacyContract() ? (
        <Text className="privacy__link" {...roleProps('link')} onClick={openWechatPrivacyContract} {...pressProps(openWechatPrivacyContract)}>
          {m.wechatGuide}
        </Text>
      ) : null}
      {onAgree ? (
        <View className="privacy__actions">
          {wechatAgree && process.env.TARO_ENV === 'weapp' ? (
            <NativeButton
              id={PRIVACY_AGREE_BUTTON_ID}
              className="privacy__wechat-agree"
              openType="agreePrivacyAuthorization"
              disabled={busy}
              onAgreePrivacyAuthorization={onAgree}
            >
              {m.agree}
            </NativeButton>
          ) : (
            <Button className="big-button" type="primary" block disabled={busy} onClick={onAgree} data-testid="privacy-agree">
              {busy ? m.saving : m.agree}
            </Button>
          )}
          {onDisagree ? (
            <Button
              className="big-button privacy__disagree"
              type="default"
              fill="outline"
              block
              disabled={busy}
              onClick={onDisagree}
              data-testid="privacy-disagree"
            >
              {m.disagree}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
