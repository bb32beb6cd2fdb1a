<?php
/**
 * Removes the plugin's options, the API key among them, when the plugin is deleted.
 *
 * @package IwyAgent
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'iwy_agent_settings' );
delete_option( 'iwy_agent_api_key' );
