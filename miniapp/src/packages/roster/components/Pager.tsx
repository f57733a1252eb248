import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import './Pager.css';

const m = messages.roster;

/** 上一页 / 第 2 页，共 5 页 / 下一页 — explicit pages a busy clerk can count on. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <View className="pager" data-testid="pager">
      <Button className="pager__button" type="default" fill="outline" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="pager-prev">
        {m.prevPage}
      </Button>
      <Text className="pager__label" data-testid="pager-label">
        {m.pageOf(page, pages)}
      </Text>
      <Button
        className="pager__button"
        type="default"
        fill="outline"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="pager-next"
      >
        {m.nextPage}
      </Button>
    </View>
  );
}
