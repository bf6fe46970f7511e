/**
 * The distributed runtime (DESIGN.md §2, module {@code serve}): the network link emulator ({@code link}); the
 * verifier server, edge client and wire protocol come with issue 5.
 */
package org.configspec.serve;
