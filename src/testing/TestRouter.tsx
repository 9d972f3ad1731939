import React, { type ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';

/**
 * A MemoryRouter for the plugin's tests, opted in to React Router v7's behaviour: without the
 * flags every render prints v6's two deprecation warnings into the test output.
 */
export function TestRouter({ path = '/', children }: { path?: string; children: ReactNode }) {
  return (
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      {children}
    </MemoryRouter>
  );
}
