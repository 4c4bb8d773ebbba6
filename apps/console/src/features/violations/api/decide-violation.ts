import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { ViolationDecision } from '@c2/api-client/schemas/violation';
import { api } from '../../../lib/api';

/** Records a decision; the answer is the violation as it now stands (the live log patches the queue). */
export function useDecideViolation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ViolationDecision) => api.violations.decide(id, decision),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.violations.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.violations.counts() });
    },
  });
}
