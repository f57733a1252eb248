import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';

if (process.env.TARO_ENV === 'h5') {
  // The <input type=file> laid over the big button: selectors WeChat's stylesheet compiler does not take.
  require('./h5.css');
}

const m = messages.pointsAdmin.rules;

/** A spreadsheet the clerk chose: a blob: URL (H5) or a WeChat temp path (weapp). */
export interface PickedXlsx {
  path: string;
  name: string;
  size: number;
}

/**
 * 导入表格: on WeChat a file from a chat (Taro.chooseMessageFile, .xlsx only), in a browser the
 * browser's file box under a big button — as the roster import does it.
 */
export function XlsxPicker({ label, disabled, onPick, testId }: { label: string; disabled?: boolean; onPick: (file: PickedXlsx) => void; testId: string }) {
  async function pickWeapp(): Promise<void> {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const f = res.tempFiles[0];
      if (f) onPick({ path: f.path, name: f.name, size: f.size });
    } catch {
      // Closed without choosing.
    }
  }

  if (process.env.TARO_ENV !== 'h5') {
    return (
      <View>
        <Button className="big-button" type="default" fill="outline" block disabled={disabled} onClick={() => void pickWeapp()} data-testid={testId}>
          {label}
        </Button>
        <Text className="pa-muted">{m.importWeappHint}</Text>
      </View>
    );
  }
  return (
    <label className={`pa-file${disabled ? ' pa-file--busy' : ''}`}>
      <input
        className="pa-file__input"
        type="file"
        disabled={disabled}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid={testId}
        onChange={(e) => {
          const input = e.currentTarget;
          const f = input.files?.[0];
          input.value = '';
          if (f) onPick({ path: URL.createObjectURL(f), name: f.name, size: f.size });
        }}
      />
      <span>{label}</span>
    </label>
  );
}
