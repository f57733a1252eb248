import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ApiErrorBody, IssuedBindingCode } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { issueBindingCode } from '../../../../services/api/bindings';
import { expiryText, svgDataUri } from '../../utils/dates';
import '../../roster.css';
import './index.css';

if (process.env.TARO_ENV === 'h5') {
  // The QR image's inner <img>, and 打印 printing only the code sheet (browser only; WeChat has no printing).
  require('./h5.css');
}

const m = messages.roster;
const isH5 = () => process.env.TARO_ENV === 'h5';

/**
 * 发绑定码 (sub-package "roster"): a one-time code for one resident. Nothing is issued until the
 * clerk taps 发绑定码 (a new code withdraws the old one). The code sheet shows the 6 characters very
 * large, the QR code from the server, the expiry as 12月2日, and what the villager does with it;
 * on H5 打印 prints just that sheet.
 */
export default function BindingCodePage() {
  const router = useRouter();
  const residentId = router?.params?.residentId ?? '';
  const name = router?.params?.name ? decodeURIComponent(router.params.name) : '';
  const { me } = useMe();
  const [issued, setIssued] = useState<IssuedBindingCode | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function issue(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await issueBindingCode(residentId);
    setBusy(false);
    setConfirming(false);
    if (result.ok) setIssued(result.data);
    else setError(result.error);
  }

  const who = issued?.residentName ?? name;

  return (
    <PageShell testId="roster-binding-code-page">
      <View className="binding-code__screen-only">
        <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
          {m.codeHeading(who)}
        </Text>
        {!issued
          ? m.codeIntro.map((line) => (
              <Text className="roster-para" key={line}>
                {line}
              </Text>
            ))
          : null}
      </View>

      {error ? (
        <View className="section binding-code__screen-only">
          <ErrorState error={error} title={m.actionFailed} onRetry={() => void issue()} />
        </View>
      ) : null}

      {!issued ? (
        <View className="section binding-code__screen-only">
          <Button className="big-button" type="primary" block disabled={busy} onClick={() => void issue()} data-testid="code-issue">
            {busy ? m.codeIssuing : m.codeIssue}
          </Button>
        </View>
      ) : (
        <View>
          <View className="section code-sheet" data-testid="code-sheet">
            <Text className="code-sheet__title">{me?.village ? `${me.village.name} ${m.codeSheetTitle}` : m.codeSheetTitle}</Text>
            <Text className="code-sheet__for">{m.codeFor(issued.residentName)}</Text>
            <Text className="code-sheet__code" data-testid="issued-code" aria-label={issued.code.split('').join(' ')}>
              {issued.code}
            </Text>
            <Image
              className="code-sheet__qr"
              src={svgDataUri(issued.qrSvg)}
              mode="aspectFit"
              ariaLabel={m.codeQrAlt(issued.residentName)}
              nativeProps={{ alt: m.codeQrAlt(issued.residentName) }}
            />
            <Text className="code-sheet__expiry" data-testid="code-expiry">
              {m.codeExpires(expiryText(issued.expiresAt))}
            </Text>
            <Text className="code-sheet__once">{m.codeOnce}</Text>
            {m.codeSteps.map((line) => (
              <Text className="code-sheet__step" key={line}>
                {line}
              </Text>
            ))}
          </View>

          <View className="section binding-code__screen-only">
            {isH5() ? (
              <View>
                <Button
                  className="big-button"
                  type="primary"
                  block
                  onClick={() => {
                    if (typeof window !== 'undefined') window.print();
                  }}
                  data-testid="code-print"
                >
                  {m.print}
                </Button>
                <Text className="roster-muted binding-code__hint">{m.printHint}</Text>
              </View>
            ) : (
              <Text className="roster-para">{m.codeReadAloud}</Text>
            )}
          </View>

          <View className="section binding-code__screen-only">
            <Button className="big-button" type="default" fill="outline" block disabled={busy} onClick={() => setConfirming(true)} data-testid="code-reissue">
              {m.codeReissue}
            </Button>
          </View>
        </View>
      )}

      <ConfirmDialog
        open={confirming}
        title={m.codeReissueConfirmTitle}
        confirmText={m.codeReissueConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => void issue()}
        onCancel={() => setConfirming(false)}
        testId="reissue-dialog"
      >
        <Text>{m.codeReissueConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
