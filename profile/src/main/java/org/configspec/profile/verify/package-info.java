/**
 * Measured verification time: verification-shaped requests timed from this device to a target's serving engine
 * ({@link org.configspec.profile.verify.VerifyTimeProbe}) and fitted as T_v(K, context) = RTT + a + b·(K + 1)
 * [+ c·context] (core/src/main/java/org/configspec/core/model/VerifyTimeFit.java), stored as a verify-time profile
 * (store/src/main/java/org/configspec/store/VerifyTimeDocument.java).
 */
package org.configspec.profile.verify;
