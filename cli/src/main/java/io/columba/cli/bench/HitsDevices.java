package io.columba.cli.bench;

import static io.columba.cli.bench.HitsVocabulary.*;
import static io.columba.cli.bench.HitsWorld.utf8;

/**
 * The 4,000 device and browser archetypes users are drawn from (Zipf): OS and user agent, the screen, Flash, .NET,
 * browser version, cookie and JavaScript flags, mobile model (columns ResolutionWidth to MobilePhoneModel, kept as one
 * tab-separated segment), Silverlight version and the base window size.
 */
final class HitsDevices {
    final byte[][] osAndUserAgent = new byte[HitsWorld.DEVICES][];
    /** ResolutionWidth .. MobilePhoneModel: 15 tab-separated fields. */
    final byte[][] screenAndBrowser = new byte[HitsWorld.DEVICES][];
    /** SilverlightVersion1 .. SilverlightVersion4: 4 tab-separated fields. */
    final byte[][] silverlight = new byte[HitsWorld.DEVICES][];

    final int[] windowWidth = new int[HitsWorld.DEVICES];
    final int[] windowHeight = new int[HitsWorld.DEVICES];

    HitsDevices(SplitMixRandom random) {
        for (int i = 0; i < HitsWorld.DEVICES; i++) {
            device(random, i);
        }
    }

    private void device(SplitMixRandom random, int i) {
        boolean mobile = random.nextDouble() < 0.12;
        int[] resolution = mobile
                ? MOBILE_RESOLUTIONS[random.below(MOBILE_RESOLUTIONS.length)]
                : DESKTOP_RESOLUTIONS[random.below(DESKTOP_RESOLUTIONS.length)];
        String model = mobile ? random.choice(PHONE_MODELS) : "";
        int mobilePhone = mobile ? random.between(1, 60) : 0;
        int os = random.choice(OPERATING_SYSTEMS);
        int userAgent = random.choice(USER_AGENTS);
        int flashMajor = mobile || random.nextDouble() < 0.2 ? 0 : random.choice(FLASH_MAJORS);
        int flashMinor = flashMajor == 0 ? 0 : random.between(0, 9);
        String flashMinor2 = flashMajor == 0 ? "" : Integer.toString(random.between(0, 999));
        int userAgentMajor = random.between(1, 40);
        String[] minors = {"0", "0", "1", "2", Integer.toString(random.between(0, 2000)), "D", "ab", ""};
        String userAgentMinor = random.choice(minors);
        String segment = String.join(
                "\t",
                Integer.toString(resolution[0]),
                Integer.toString(resolution[1]),
                Integer.toString(random.choice(RESOLUTION_DEPTHS)),
                Integer.toString(flashMajor),
                Integer.toString(flashMinor),
                flashMinor2,
                Integer.toString(random.choice(NET_MAJORS)),
                Integer.toString(random.choice(NET_MINORS)),
                Integer.toString(userAgentMajor),
                userAgentMinor,
                random.nextDouble() < 0.97 ? "1" : "0",
                random.nextDouble() < 0.98 ? "1" : "0",
                mobile ? "1" : "0",
                Integer.toString(mobilePhone),
                model);
        String silverlightVersion = random.nextDouble() < 0.6
                ? "0\t0\t0\t0"
                : random.choice(SILVERLIGHT_MAJORS) + "\t" + random.between(0, 1) + "\t" + random.between(0, 60_000)
                        + "\t" + random.between(0, 9);
        windowWidth[i] = resolution[0] == 0 ? 0 : Math.max(0, resolution[0] - random.between(0, 300));
        windowHeight[i] = resolution[1] == 0 ? 0 : Math.max(0, resolution[1] - random.between(60, 300));
        osAndUserAgent[i] = utf8(os + "\t" + userAgent);
        screenAndBrowser[i] = utf8(segment);
        silverlight[i] = utf8(silverlightVersion);
    }
}
