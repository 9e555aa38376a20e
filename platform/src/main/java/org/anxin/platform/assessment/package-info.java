/**
 * Capability assessment of seniors after GB/T 42195-2022 《老年人能力评估规范》 (Assessment
 * specifications for older adults): an ASSESSOR of an assessment agency scores the 26 items of the
 * standard's four dimensions, the level follows from the total and the standard's adjustment rules,
 * and each assessment is due again after a configured period. Other modules read a senior's current
 * level through {@link org.anxin.platform.assessment.Assessments#current}.
 */
package org.anxin.platform.assessment;
