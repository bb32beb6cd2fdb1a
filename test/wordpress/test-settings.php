<?php
/**
 * Settings → iwy Agent: the key is write-only; values are sanitised.
 */

use IwyAgent\Settings;

function settings_page(): string {
	ob_start();
	( WP::$pages['iwy-agent']['callback'] )();
	return (string) ob_get_clean();
}

test(
	'the settings page never shows the key, only that it is set and its last four characters',
	static function (): void {
		configure_site();
		WP::$can = true;
		$html    = settings_page();
		assert_no_key( $html );
		assert_contains( 'set, ending in …WXYZ', $html );
		assert_contains( 'name="iwy_agent_api_key" value=""', $html );
		assert_contains( 'value="' . AGENT . '"', $html );
		assert_same( 'manage_options', WP::$pages['iwy-agent']['capability'] );

		update_option( 'iwy_agent_api_key', 'short-key-1' );
		assert_contains( 'Status: set.', settings_page(), 'short keys show no characters' );
		assert_not_contains( 'short-key-1', settings_page() );
		delete_option( 'iwy_agent_api_key' );
		assert_contains( 'Status: not set.', settings_page() );
	}
);

test(
	'the settings page renders nothing for users who cannot manage options',
	static function (): void {
		configure_site();
		assert_same( '', settings_page() );
	}
);

test(
	'the key and settings are kept out of the REST API, the key out of autoload',
	static function (): void {
		assert_same( false, WP::$settings['iwy_agent_api_key']['show_in_rest'] );
		assert_same( false, WP::$settings['iwy_agent_settings']['show_in_rest'] );
		foreach ( WP::$activation as $callback ) {
			$callback();
		}
		assert_same( false, WP::$autoload['iwy_agent_api_key'] );
	}
);

test(
	'saving the form: an empty key field keeps the key, a new one replaces it, the box removes it',
	static function (): void {
		configure_site();
		$sanitize = WP::$settings['iwy_agent_api_key']['sanitize_callback'];
		assert_same( TEST_KEY, $sanitize( '' ) );
		assert_same( TEST_KEY, $sanitize( null ), 'field absent' );
		assert_same( 'sk_new_key_value', $sanitize( "  sk_new_key_value \n" ) );
		$_POST['iwy_agent_clear_key'] = '1';
		assert_same( '', $sanitize( 'ignored' ) );
	}
);

test(
	'settings are sanitised: https base URL (http on loopback), agent ids, rate limit',
	static function (): void {
		configure_site();
		$sanitize = WP::$settings['iwy_agent_settings']['sanitize_callback'];
		$clean    = $sanitize(
			array(
				'base_url'       => 'http://127.0.0.1:8787/v1/',
				'default_agent'  => strtoupper( OTHER_AGENT ),
				'allowed_agents' => AGENT . ", demo\n<script>\n" . strtoupper( AGENT ),
				'rate_limit'     => '100000',
			)
		);
		assert_same(
			array(
				'base_url'       => 'http://127.0.0.1:8787/v1',
				'default_agent'  => OTHER_AGENT,
				'allowed_agents' => array( AGENT, 'demo' ),
				'rate_limit'     => 1000,
			),
			$clean
		);
		assert_same( array( 'allowed_agents' ), array_column( WP::$errors, 'code' ) );
		assert_same( $clean, $sanitize( $clean ), 'sanitising twice changes nothing' );

		WP::$errors = array();
		foreach ( array( 'http://api.example.test/v1', 'javascript:alert(1)', 'not a url', '' ) as $bad ) {
			$kept = $sanitize( array( 'base_url' => $bad, 'default_agent' => 'nope', 'rate_limit' => '-5' ) );
			assert_same( 'https://api.iwy.ai/v1', $kept['base_url'], "base URL {$bad}" );
			assert_same( AGENT, $kept['default_agent'] );
			assert_same( 1, $kept['rate_limit'] );
		}
		assert_true( in_array( 'base_url', array_column( WP::$errors, 'code' ), true ), 'the admin is told' );
		assert_same( array( OTHER_AGENT, AGENT ), Settings::allowed_agents() );
	}
);

test(
	'uninstalling deletes the options, the key among them',
	static function (): void {
		configure_site();
		define( 'WP_UNINSTALL_PLUGIN', 'iwy-agent/iwy-agent.php' );
		require __DIR__ . '/../../integrations/wordpress/uninstall.php';
		assert_same( array(), WP::$options );
	}
);
