package org.anxin.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives a test class the {@link Stack} shared by the whole test run. */
final class StackExtension implements BeforeAllCallback {
    private Stack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = Stack.shared(context);
    }

    Stack stack() {
        return stack;
    }
}
