import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children when one of them throws while rendering. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Catches a render error below it (a damaged record whose fields are missing) and shows the
 * fallback in its place, so one bad record is shown as bad instead of unmounting the whole panel.
 */
export class RecordBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('ita-evidence: a record could not be shown', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
