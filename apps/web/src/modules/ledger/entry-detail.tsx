import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchInclusionProof, type LedgerRow } from './ledger-api';
import { verifyInclusion } from './merkle-verify';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

export type SignedHead = { size: number; root: string };

/** Fetches the proof for the signed head and checks it here, trusting only the signed root. */
const useVerify = (row: LedgerRow) =>
  useMutation({
    mutationFn: async (head: SignedHead) => {
      const proof = await fetchInclusionProof(row.index, head.size);
      const check = await verifyInclusion({
        index: row.index,
        size: head.size,
        data: row.data,
        leafHash: row.leafHash,
        proof: proof.hashes,
        root: head.root,
      });
      return { ...check, ...head };
    },
  });

/** The expanded row: the whole entry, its leaf hash and the in-browser inclusion check. */
export const EntryDetail = ({ row, head }: { row: LedgerRow; head: SignedHead | undefined }) => {
  const { t } = useTranslation();
  const verify = useVerify(row);
  const covered = !!head && row.index < head.size;
  const outcome = verify.data;
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'leaf',
            label: t('ledger.leafHash'),
            children: (
              <Typography.Text copyable style={mono}>
                {row.leafHash}
              </Typography.Text>
            ),
          },
          {
            key: 'entry',
            label: t('ledger.entryJson'),
            children: (
              <pre style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0 }}>
                {JSON.stringify(row.entry, null, 2)}
              </pre>
            ),
          },
        ]}
      />
      <Flex gap={12} align="center" wrap>
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          disabled={!covered}
          loading={verify.isPending}
          onClick={() => head && verify.mutate(head)}
          data-testid={`ledger-verify-${row.index}`}
        >
          {t('ledger.verify')}
        </Button>
        {!covered && <Typography.Text type="secondary">{t('ledger.notInCheckpoint')}</Typography.Text>}
      </Flex>
      {verify.error && (
        <Alert
          type="warning"
          showIcon
          title={t('ledger.verifyError')}
          description={verify.error.message}
          data-testid={`ledger-verify-result-${row.index}`}
        />
      )}
      {outcome && !verify.isPending && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          title={outcome.ok ? t('ledger.verified') : t('ledger.verifyFailed')}
          data-testid={`ledger-verify-result-${row.index}`}
          description={
            <Flex vertical gap={4}>
              <span>
                {outcome.ok
                  ? t('ledger.verifiedHint', { size: outcome.size })
                  : outcome.leafMatches
                    ? t('ledger.failedHint', { size: outcome.size })
                    : t('ledger.leafMismatch')}
              </span>
              <span>
                {t('ledger.computedRoot')}:{' '}
                <Typography.Text style={mono}>{outcome.computedRoot ?? '—'}</Typography.Text>
              </span>
              <span>
                {t('ledger.expectedRoot')}: <Typography.Text style={mono}>{outcome.root}</Typography.Text>
              </span>
            </Flex>
          }
        />
      )}
    </Flex>
  );
};
