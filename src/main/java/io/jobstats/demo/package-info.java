/**
 * Demo data: generated ads (a fixed seed) and the reference ads, loaded on the first embedded start so the service
 * answers out of the box; GenerateAds writes the benchmarks' inputs.
 */
package io.jobstats.demo;
